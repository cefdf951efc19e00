using System.Globalization;
using Iopf.Invariants;
using static Iopf.Bench.Sections.BenchContext;

namespace Iopf.Bench.Sections;

/// <summary>The whole Z3 invariant suite, timed once.</summary>
internal static class Z3Section
{
    public static SectionResult Run(BenchContext ctx)
    {
        var (results, z3) = Measure.Time(InvariantSuite.CheckAll);
        var md = string.Create(CultureInfo.InvariantCulture, $"## Z3 invariant suite: {results.Count} queries ({results.Count(r => r.AsExpected)} as expected) in {F(z3.TotalSeconds, "0.00")} s\n\n");
        return new SectionResult("z3", md, new { queries = results.Count, asExpected = results.Count(r => r.AsExpected), seconds = z3.TotalSeconds });
    }
}
