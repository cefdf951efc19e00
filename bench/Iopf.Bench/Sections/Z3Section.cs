using System.Globalization;
using System.Text;
using Iopf.Invariants;
using static Iopf.Bench.Sections.BenchContext;

namespace Iopf.Bench.Sections;

/// <summary>
/// The whole Z3 invariant suite, run several times: its total, and per descriptor family (issue 16 asks each
/// query to stay under a second) the median time per query and the slowest query with its min-max.
/// </summary>
internal static class Z3Section
{
    public static SectionResult Run(BenchContext ctx)
    {
        var runs = ctx.Quick ? 1 : 5;
        var totals = new List<double>();
        var perQuery = new Dictionary<string, (string Group, List<double> Ms)>(StringComparer.Ordinal);
        IReadOnlyList<InvariantResult> last = [];
        for (var i = 0; i < runs; i++)
        {
            var (results, z3) = Measure.Time(InvariantSuite.CheckAll);
            totals.Add(z3.TotalSeconds);
            foreach (var r in results)
            {
                if (!perQuery.TryGetValue(r.Name, out var entry))
                {
                    perQuery[r.Name] = entry = (r.Group, []);
                }

                entry.Ms.Add(r.Elapsed.TotalMilliseconds);
            }

            last = results;
        }

        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(inv, $"## Z3 invariant suite: {last.Count} queries ({last.Count(r => r.AsExpected)} as expected), median {F(Measure.Median(totals), "0.00")} s (min {F(totals.Min(), "0.00")} - max {F(totals.Max(), "0.00")}) over {runs} runs\n\n");
        md.Append("`dotnet run -c Release --project bench/Iopf.Bench -- --only z3`. Per group: the median of each query's time over the runs, then the median and the largest of those; the slowest query with its min - max.\n\n");
        md.Append("| group | queries | median ms per query | slowest query | its ms, median (min - max) |\n|---|---:|---:|---|---:|\n");
        var groups = new List<object>();
        foreach (var group in perQuery.GroupBy(p => p.Value.Group))
        {
            var medians = group.Select(p => (p.Key, Median: Measure.Median(p.Value.Ms), Min: p.Value.Ms.Min(), Max: p.Value.Ms.Max())).ToList();
            var slowest = medians.MaxBy(m => m.Median);
            md.Append(inv, $"| {group.Key} | {medians.Count} | {F(Measure.Median([.. medians.Select(m => m.Median)]), "0")} | {slowest.Key} | {F(slowest.Median, "0")} ({F(slowest.Min, "0")} - {F(slowest.Max, "0")}) |\n");
            groups.Add(new { group = group.Key, queries = medians.Count, medianMs = Measure.Median([.. medians.Select(m => m.Median)]), slowest = slowest.Key, slowestMedianMs = slowest.Median });
        }

        md.Append('\n');
        return new SectionResult("z3", md.ToString(), new { queries = last.Count, asExpected = last.Count(r => r.AsExpected), runs, medianSeconds = Measure.Median(totals), groups });
    }
}
