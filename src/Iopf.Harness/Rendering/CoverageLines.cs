using Iopf.Protocol.Coverage;
using Iopf.Worlds.Mutants;

namespace Iopf.Harness.Rendering;

/// <summary>
/// Coverage in a few lines of at most 80 columns: one per world (points reached out of all, per kind), then the points
/// no world reached, so a corner nothing exercised is named rather than hidden behind "holds".
/// </summary>
public static class CoverageLines
{
    private const int Width = 80;

    public static IEnumerable<string> For(IReadOnlyList<(string World, IReadOnlyList<CoveragePoint> Reached)> worlds)
    {
        var pad = worlds.Count == 0 ? 0 : worlds.Max(w => w.World.Length);
        var all = new CoverageTally();
        foreach (var (world, reached) in worlds)
        {
            var tally = new CoverageTally();
            foreach (var point in reached)
            {
                tally.Add(point);
                all.Add(point);
            }

            yield return $"coverage {world.PadRight(pad)}  {tally.Summary()}";
        }

        var missed = CoveragePoint.All.Where(p => !all.Contains(p)).ToList();
        if (missed.Count == 0)
        {
            yield return "every coverage point was reached by some world";
            yield break;
        }

        yield return $"reached by no world ({missed.Count} of {CoveragePoint.All.Count} points):";
        foreach (var kind in Enum.GetValues<CoverageKind>())
        {
            var names = missed.Where(p => p.Kind == kind).Select(p => p.Name).ToList();
            foreach (var line in Wrap($"  {kind.ToString().ToLowerInvariant()}:", names))
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// Mutant adequacy: a mutant whose decision no step of a world consulted cannot have changed anything there, so on
    /// that world it was not exercised, which says less than "survived".
    /// </summary>
    public static IEnumerable<string> NotExercised(IReadOnlyList<Mutant> mutants, IReadOnlyList<(string World, IReadOnlyList<CoveragePoint> Reached)> worlds)
    {
        foreach (var mutant in mutants)
        {
            var decision = new CoveragePoint(CoverageKind.Decision, mutant.Choice.GetType().Name);
            foreach (var (world, reached) in worlds.Where(w => !w.Reached.Contains(decision)))
            {
                yield return $"not exercised: {mutant.Name} on {world} (no step consulted {decision.Name})";
            }
        }
    }

    // Names after a label, comma-separated, wrapped at the width with a hanging indent.
    private static IEnumerable<string> Wrap(string label, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            yield break;
        }

        var line = label;
        for (var i = 0; i < names.Count; i++)
        {
            var word = " " + names[i] + (i < names.Count - 1 ? "," : string.Empty);
            if (line.Length + word.Length > Width && line.Trim().Length > label.Trim().Length)
            {
                yield return line;
                line = "   ";
            }

            line += word;
        }

        yield return line;
    }
}
