using System.Globalization;
using System.Text;
using Iopf.Worlds;
using static Iopf.Bench.Sections.BenchContext;

namespace Iopf.Bench.Sections;

/// <summary>The exhaustive explorer on one core: every world whose state count is pinned and above 10,000 (smaller ones finish in milliseconds: noise).</summary>
internal static class ExhaustiveSection
{
    public static SectionResult Run(BenchContext ctx)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var runs = ctx.Quick ? 3 : 7;
        var rows = ExhaustiveBench.Measure(WorldCatalog.BuiltIn.Where(w => w.Exhaustive?.States is >= 10_000), runs);
        md.AppendLine(inv, $"## Exhaustive explorer (one core; median of {runs} runs after a warm-up run)");
        md.AppendLine();
        md.AppendLine("| world | verdict | states | transitions | protocol steps run | depth | seconds | states/s (median) | states/s (min - max) | MiB allocated |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            md.AppendLine(inv, $"| {r.World} | {r.Verdict} | {r.States:N0} | {r.Transitions:N0} | {r.StepsRun:N0} | {r.Depth} | {F(r.MedianSeconds, "0.000")} | {r.MedianStatesPerSecond:N0} | {r.MinStatesPerSecond:N0} - {r.MaxStatesPerSecond:N0} | {F(r.AllocatedMiB, "0")} |");
        }

        md.AppendLine();
        md.AppendLine("Protocol steps run: transitions whose outcome was computed by the core's step functions; every other transition reused the outcome of the same step (same party state, message, choice and reached memories) met in another interleaving. Where the time goes: `bench/profile.md` (`bash bench/profile`).");
        md.AppendLine();
        return new SectionResult("exhaustive", md.ToString(), rows);
    }
}
