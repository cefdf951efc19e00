namespace Iopf.Harness.Output;

/// <summary>
/// Checks, before any work, that a command will be able to write into its output folder: the path is not
/// empty, no file stands where a folder must be, and the nearest folder that exists accepts a new file
/// (probed by creating and deleting one, since permissions, read-only mounts and /proc or /sys all refuse
/// differently, and root ignores permission bits).
/// </summary>
public static class OutputFolder
{
    /// <summary>Throws a one-line UsageException naming option and path when the folder cannot be written.</summary>
    public static void Check(string directory, string option)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new UsageException($"{option}: the output folder must not be empty");
        }

        string full;
        try
        {
            full = Path.GetFullPath(directory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{option} {directory}: not a usable path ({e.Message})");
        }

        // The folder itself is created only at commit; here its nearest existing ancestor must be a folder that accepts files.
        for (var path = full; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                throw new UsageException($"{option} {directory}: {(path == full ? "is a file" : $"{path} is a file")}, not a directory");
            }

            if (Directory.Exists(path))
            {
                Probe(path, directory, option);
                return;
            }
        }
    }

    private static void Probe(string existing, string directory, string option)
    {
        var probe = ProbePath(existing);
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var where = Path.GetFullPath(directory) == existing ? string.Empty : $" ({existing} does not accept new files)";
            // The runtime's message names the probe file (with this process's id): say what it means instead.
            var why = e is UnauthorizedAccessException ? "permission denied" : "a new file cannot be created there";
            throw new UsageException($"{option} {directory}: cannot write here{where}: {why}");
        }
        finally
        {
            TryDelete(probe);
        }
    }

    /// <summary>
    /// A fresh name each time, so an orphan left by an earlier process with the same id cannot make the folder
    /// look unwritable; and named like a staged file, so a probe orphaned by a kill between its creation and its
    /// deletion is swept by the next run's recovery like any other leftover (DeleteOnClose does not survive
    /// SIGKILL). The name is never shown or recorded.
    /// </summary>
    internal static string ProbePath(string folder) =>
        Path.Combine(folder, $".iopf-probe-{Environment.ProcessId}-{Guid.NewGuid():N}{OutputTransaction.TemporarySuffix}");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The probe never existed (creation failed) or is gone already.
        }
    }

    internal static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
