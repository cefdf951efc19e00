namespace Iopf.Harness.Output;

/// <summary>
/// Files a command will write, held in memory until everything was computed and checked, then committed all
/// together by <see cref="OutputTransaction"/>: either every new file is in place, or (on a failure) nothing
/// new is and the old files are intact. A refused command therefore leaves no file behind, and a reader never
/// sees a half-written one. Files of an earlier run that this run contradicts are moved to
/// &lt;root&gt;/superseded/, never deleted.
/// </summary>
public sealed class StagedFiles(string root)
{
    public const string SupersededFolder = "superseded";

    private const string ReportSuffix = ".counterexample.md";

    private readonly List<(string Path, string Text)> files = [];

    private readonly List<(string Stem, IReadOnlyList<string> Paths, string Why)> superseded = [];

    private readonly List<string> movedLines = [];

    /// <summary>The folder the command writes into: superseded files and the commit journal go here.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    public IReadOnlyList<string> Paths => files.Select(f => f.Path).ToList();

    /// <summary>What was moved to superseded/ by the last commit (original path, new path).</summary>
    public IReadOnlyList<(string From, string To)> Moved { get; private set; } = [];

    public void Add(string path, string text)
    {
        var full = Path.GetFullPath(path);
        files.RemoveAll(f => f.Path == full);
        files.Add((full, text));
    }

    /// <summary>
    /// Files of an earlier run (one counterexample, named stem.*) that would now mislead: at commit those that
    /// exist move together to superseded/, keeping their names, or stem.N.* with the least N that is free.
    /// </summary>
    /// <param name="why">Why they no longer stand, for the one line that reports the move.</param>
    public void Supersede(string stem, IEnumerable<string> paths, string why) => superseded.Add((stem, [.. paths.Select(Path.GetFullPath)], why));

    /// <summary>Writes every staged file and moves the superseded ones, all or nothing.</summary>
    public void Commit()
    {
        var moves = new List<(string From, string To)>();
        var rewritten = new List<(string Path, string Text)>();
        var removed = new List<string>();
        var lines = new List<string>();
        foreach (var (stem, paths, why) in superseded)
        {
            var existing = paths.Where(p => File.Exists(p) && files.All(f => f.Path != p)).ToList();
            if (existing.Count > 0)
            {
                var (n, group) = SupersededTargets(stem, existing, moves.Select(m => m.To).Concat(rewritten.Select(r => r.Path)));
                foreach (var (from, to) in group)
                {
                    if (from.EndsWith(ReportSuffix, StringComparison.Ordinal))
                    {
                        // The report's replay commands name the files where they were: they must name where they are now.
                        rewritten.Add((to, group.Aggregate(File.ReadAllText(from), (text, m) => text.Replace(ReplayCommands.Shown(m.From), ReplayCommands.Shown(m.To), StringComparison.Ordinal))));
                        removed.Add(from);
                    }
                    else
                    {
                        moves.Add((from, to));
                    }
                }

                lines.Add($"superseded: {why}; its {group.Count} earlier files moved to {Shown(Path.GetDirectoryName(group[0].To)!)}/ as {(n == 0 ? stem : $"{stem}.{n}")}.*");
            }
        }

        new OutputTransaction(Root, [.. files, .. rewritten], moves, removed).Run();
        Moved = moves;
        movedLines.Clear();
        movedLines.AddRange(lines);
    }

    /// <summary>What the last commit did, one line each: the superseded counterexamples moved, then every file written.</summary>
    public IEnumerable<string> Summary() => movedLines.Concat(files.Select(f => $"wrote {Shown(f.Path)}"));

    private static string Shown(string path) => Rendering.DisplayPath.Of(path);

    // One N for the whole group, so a superseded counterexample stays a set of files that name each other.
    private (int N, IReadOnlyList<(string From, string To)> Targets) SupersededTargets(string stem, IReadOnlyList<string> paths, IEnumerable<string> taken)
    {
        var folder = Path.Combine(Root, SupersededFolder);
        var claimed = taken.ToHashSet();
        for (var n = 0; ; n++)
        {
            var targets = paths.Select(p => (From: p, To: Path.Combine(folder, Numbered(Path.GetFileName(p), stem, n)))).ToList();
            if (targets.All(t => !File.Exists(t.To) && !Directory.Exists(t.To) && !claimed.Contains(t.To)))
            {
                return (n, targets);
            }
        }
    }

    private static string Numbered(string name, string stem, int n) =>
        n == 0 || !name.StartsWith(stem, StringComparison.Ordinal) ? name : $"{stem}.{n}{name[stem.Length..]}";
}
