using System.Diagnostics;

namespace Iopf.Bench;

/// <summary>Wall-clock measurement helpers; the results go to a file, never into an assertion.</summary>
internal static class Measure
{
    public static (T Value, TimeSpan Elapsed) Time<T>(Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        var value = work();
        return (value, sw.Elapsed);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
