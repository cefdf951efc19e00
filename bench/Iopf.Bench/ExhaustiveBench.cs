using Iopf.Exhaustive;
using Iopf.Worlds;

namespace Iopf.Bench;

/// <summary>One world's exhaustive-search figures: sizes from one run, speed as the median of several.</summary>
internal sealed record ExhaustiveRow(
    string World,
    string Verdict,
    int States,
    long Transitions,
    int StepsRun,
    int Depth,
    double MedianSeconds,
    double MedianStatesPerSecond,
    double MinStatesPerSecond,
    double MaxStatesPerSecond,
    double AllocatedMiB);

/// <summary>
/// Exhaustive explorer throughput on one core. Every world is explored once to warm up (the first
/// search also pays for compiling the explorer), then Runs times after a full collection, and the median is
/// reported: one search of a small world takes tens of milliseconds, so a single run is mostly noise.
/// </summary>
internal static class ExhaustiveBench
{
    public static IReadOnlyList<ExhaustiveRow> Measure(IEnumerable<WorldDefinition> worlds, int runs)
    {
        var chosen = worlds.ToList();
        foreach (var small in chosen)
        {
            ExhaustiveExplorer.Explore(small.Config);
        }

        return [.. chosen.Select(small => Row(small, runs))];
    }

    private static ExhaustiveRow Row(WorldDefinition small, int runs)
    {
        var results = new List<ExhaustiveResult>();
        var allocated = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            results.Add(ExhaustiveExplorer.Explore(small.Config));
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / (1024.0 * 1024.0));
        }

        var first = results[0];
        if (results.Any(r => (r.States, r.Transitions) != (first.States, first.Transitions)))
        {
            throw new InvalidOperationException($"{small.Name}: runs disagree on the state space");
        }

        var rates = results.Select(r => r.StatesPerSecond).ToList();
        var verdict = first.Violation is { } v ? $"{v.Property} violated" : first.Coverage + (first.CompletionUnreachableStates is 0 ? ", completion always reachable" : string.Empty);
        return new ExhaustiveRow(
            small.Name,
            verdict,
            first.States,
            first.Transitions,
            first.StepsExecuted,
            first.MaxDepth,
            Iopf.Bench.Measure.Median([.. results.Select(r => r.Elapsed.TotalSeconds)]),
            Iopf.Bench.Measure.Median(rates),
            rates.Min(),
            rates.Max(),
            Iopf.Bench.Measure.Median(allocated));
    }
}
