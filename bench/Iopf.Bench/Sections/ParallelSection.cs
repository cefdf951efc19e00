using System.Globalization;
using Iopf.Models.Exploration;
using static Iopf.Bench.Sections.BenchContext;

namespace Iopf.Bench.Sections;

/// <summary>
/// The same number of schedules in one engine, then split over two engines running at once (distinct seeds, as
/// `iopf run --parallel 2` does), repeated; the median speed-up is reported. The two shards explore different
/// schedules of different lengths, so the run ends with the slower shard: a single repetition is noisy.
/// </summary>
internal static class ParallelSection
{
    public static SectionResult Run(BenchContext ctx)
    {
        var world = ctx.Plan.Resolve("FaultBurst");
        var budget = ctx.Plan.BudgetOf(world);
        var total = ctx.Quick ? 200u : 600u;
        var repetitions = ctx.Quick ? 1 : 3;
        var runs = new List<(double One, double Two)>();
        for (var r = 0; r < repetitions; r++)
        {
            var (_, one) = Measure.Time(() => Explorer.Explore(world, budget with { Iterations = total }));
            var (_, two) = Measure.Time(() =>
            {
                var shards = Enumerable.Range(0, 2)
                    .Select(k => Task.Run(() => Explorer.Explore(world, budget with { Iterations = total / 2, Seed = budget.Seed + (uint)k })))
                    .ToArray();
                Task.WaitAll(shards);
                return shards.Length;
            });
            runs.Add((one.TotalSeconds, two.TotalSeconds));
        }

        var speedUps = runs.Select(r => r.One / r.Two).ToList();
        var median = Measure.Median(speedUps);
        var each = string.Join("; ", runs.Select(r => $"{F(r.One, "0.00")} s vs {F(r.Two, "0.00")} s"));
        var md = string.Create(CultureInfo.InvariantCulture, $"## Parallel exploration: FaultBurst, {total} schedules, one engine vs two shards at once, {repetitions} repetitions ({each}): median speed-up {F(median, "0.00")}x on {Environment.ProcessorCount} cores\n\n");
        return new SectionResult("parallel", md, new { scenario = "FaultBurst", schedules = total, runs = runs.Select(r => new { oneEngineSeconds = r.One, twoShardsSeconds = r.Two, speedUp = r.One / r.Two }), medianSpeedUp = median });
    }
}
