using System.Text;

namespace Iopf.Harness.Output;

/// <summary>
/// Files a command will write, held in memory until everything was computed and checked, then written each
/// through a temporary file and a rename. A refused or failing command therefore leaves no file behind, and a
/// reader never sees a half-written one.
/// </summary>
public sealed class StagedFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly List<(string Path, string Text)> files = [];

    private readonly List<string> stale = [];

    public IReadOnlyList<string> Paths => files.Select(f => f.Path).ToList();

    public void Add(string path, string text)
    {
        var full = Path.GetFullPath(path);
        files.RemoveAll(f => f.Path == full);
        files.Add((full, text));
    }

    /// <summary>A file of an earlier run that would now mislead (a counterexample for a world that held): deleted at commit.</summary>
    public void RemoveStale(string path) => stale.Add(Path.GetFullPath(path));

    /// <summary>Writes every staged file and removes the stale ones; the directories are created only now.</summary>
    public void Commit()
    {
        foreach (var path in stale.Where(p => File.Exists(p) && files.All(f => f.Path != p)))
        {
            File.Delete(path);
        }

        foreach (var (path, text) in files)
        {
            var directory = Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(directory);
            var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
            try
            {
                File.WriteAllText(temporary, text, Utf8);
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Refuses an output directory that cannot be one (an existing file of that name), before any work.</summary>
    public static void CheckDirectory(string directory, string option)
    {
        // The directory itself is created only at commit; here its nearest existing ancestor must be a directory.
        for (var path = Path.GetFullPath(directory); !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                throw new UsageException($"{option} {directory}: {(path == Path.GetFullPath(directory) ? "is a file" : $"{path} is a file")}, not a directory");
            }

            if (Directory.Exists(path))
            {
                return;
            }
        }
    }
}
