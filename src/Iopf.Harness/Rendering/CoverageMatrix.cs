using System.Text;
using Iopf.Protocol.Coverage;

namespace Iopf.Harness.Rendering;

/// <summary>
/// The points-by-worlds matrix of `iopf coverage`: in the terminal one line per point (how many worlds reach it and,
/// when few do, which), as Markdown the whole matrix, one column per world.
/// </summary>
public static class CoverageMatrix
{
    private const int Width = 80;

    /// <summary>A point reached by at most this many worlds is shown with their names: the corners a user looks for.</summary>
    private const int NamedUpTo = 3;

    public static IEnumerable<string> Lines(IReadOnlyList<(string World, IReadOnlyList<CoveragePoint> Reached)> worlds)
    {
        var pad = CoveragePoint.All.Max(p => p.ToString().Length);
        foreach (var point in CoveragePoint.All)
        {
            var reaching = worlds.Where(w => w.Reached.Contains(point)).Select(w => w.World).ToList();
            var head = $"{point.ToString().PadRight(pad)}  {$"{reaching.Count}/{worlds.Count}",5}  ";
            yield return reaching.Count == worlds.Count ? head + "every world"
                : reaching.Count == 0 ? head + "NO WORLD"
                : reaching.Count <= NamedUpTo ? (head + Names(reaching, Width - head.Length)).TrimEnd()
                : head.TrimEnd();
        }
    }

    // As many names as fit in the room left, then how many more there are.
    private static string Names(IReadOnlyList<string> names, int room)
    {
        var shown = names.ToList();
        while (shown.Count > 0 && Joined(shown, names.Count).Length > room)
        {
            shown.RemoveAt(shown.Count - 1);
        }

        return shown.Count == 0 ? string.Empty : Joined(shown, names.Count);
    }

    private static string Joined(IReadOnlyList<string> shown, int of) =>
        string.Join(", ", shown) + (shown.Count < of ? $" +{of - shown.Count}" : string.Empty);

    public static string Markdown(IReadOnlyList<(string World, IReadOnlyList<CoveragePoint> Reached)> worlds)
    {
        var text = new StringBuilder();
        text.Append("| point | worlds | ").Append(string.Join(" | ", worlds.Select(w => w.World))).Append(" |\n");
        text.Append("|---|---:|").Append(string.Concat(worlds.Select(_ => ":-:|"))).Append('\n');
        foreach (var point in CoveragePoint.All)
        {
            var marks = worlds.Select(w => w.Reached.Contains(point) ? "x" : " ").ToList();
            text.Append($"| {point} | {marks.Count(m => m == "x")} | ").Append(string.Join(" | ", marks)).Append(" |\n");
        }

        return text.ToString();
    }
}
