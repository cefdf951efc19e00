namespace Iopf.Invariants;

/// <summary>
/// The committed copies of the generated queries, specs/smt/&lt;name&gt;.smt2, so they can be read, diffed and
/// run with the z3 command line. A test compares them with freshly generated text, so they cannot drift.
/// </summary>
public static class SmtFiles
{
    public const string Extension = ".smt2";

    /// <summary>File name → content for every invariant and twin.</summary>
    public static IReadOnlyDictionary<string, string> Generate() =>
        InvariantSuite.All.ToDictionary(i => i.Name + Extension, i => i.SmtText, StringComparer.Ordinal);

    /// <summary>Writes every file into <paramref name="directory"/>, replacing stale .smt2 files; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = Generate();
        foreach (var stale in Directory.GetFiles(directory, "*" + Extension).Where(p => !files.ContainsKey(Path.GetFileName(p))))
        {
            File.Delete(stale);
        }

        var written = new List<string>();
        foreach (var (name, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text);
            written.Add(path);
        }

        return written;
    }
}
