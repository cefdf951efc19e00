using Iopf.Worlds.Sampling;
using System.Globalization;
using System.Text;
using Iopf.Models.Exploration;
using Iopf.Models.Mutants;
using Iopf.Worlds.Mutants;
using static Iopf.Bench.Sections.BenchContext;

namespace Iopf.Bench.Sections;

/// <summary>For every sampled mutant and every strategy: schedules and time to the bug, median and worst over several seeds.</summary>
internal static class IterationsToBugSection
{
    public static SectionResult Run(BenchContext ctx)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var seeds = ctx.Quick ? 3u : 10u;
        var cap = ctx.Quick ? 300u : 1000u;
        md.AppendLine(inv, $"## Iterations to bug (median / worst over {seeds} seeds, at most {cap} schedules; `-` = not found in every seed)");
        md.AppendLine();
        var strategies = Enum.GetValues<Strategy>();
        md.AppendLine("| mutant | scenario | " + string.Join(" | ", strategies.Select(s => s.ToCliName())) + " |");
        md.AppendLine("|---|---|" + string.Concat(strategies.Select(_ => "---:|")));
        var kills = new List<object>();
        foreach (var c in Mutant.Sampled)
        {
            var cells = new List<string>();
            foreach (var strategy in strategies)
            {
                var found = new List<double>();
                var times = new List<double>();
                var missed = 0;
                for (var seed = 1u; seed <= seeds; seed++)
                {
                    var (o, t) = Measure.Time(() => Explorer.Explore(c.Broken(), new ExplorationBudget(cap, strategy, 2000, seed)));
                    if (o.Holds)
                    {
                        missed++;
                    }
                    else
                    {
                        found.Add(o.IterationsRun);
                        times.Add(t.TotalMilliseconds);
                    }
                }

                cells.Add(found.Count == 0 ? "-" : $"{F(Measure.Median(found), "0")} / {F(found.Max(), "0")}{(missed > 0 ? $" ({missed} missed)" : string.Empty)}, {F(Measure.Median(times), "0")} ms");
                kills.Add(new { mutant = c.Name, strategy = strategy.ToCliName(), found = found.Count, missed, medianIterations = found.Count == 0 ? (double?)null : Measure.Median(found), worstIterations = found.Count == 0 ? (double?)null : found.Max(), medianMilliseconds = times.Count == 0 ? (double?)null : Measure.Median(times) });
            }

            md.AppendLine(inv, $"| {c.Name} | {c.World} | {string.Join(" | ", cells)} |");
        }

        md.AppendLine();
        foreach (var c in Mutant.All.Where(c => c.BeyondSampling is not null))
        {
            md.AppendLine(inv, $"{c.Name} is left to the exhaustive explorer: {c.BeyondSampling}.");
        }

        md.AppendLine();
        return new SectionResult("iterationsToBug", md.ToString(), kills);
    }
}
