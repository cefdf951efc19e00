using System.Globalization;
using System.Text;
using Iopf.Models.Exploration;
using static Iopf.Bench.Sections.BenchContext;

namespace Iopf.Bench.Sections;

/// <summary>Schedules and steps per second for every scenario, in-process and through `dotnet coyote test`.</summary>
internal static class ThroughputSection
{
    public static SectionResult Run(BenchContext ctx)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var modelsDll = Path.Combine(ctx.Root, "artifacts", "bin", "Iopf.Models", "release", "Iopf.Models.dll");
        var iterations = ctx.Quick ? 100u : 500u;
        md.AppendLine(inv, $"## Exploration throughput ({iterations} schedules per world, random, seed 1)");
        md.AppendLine();
        md.AppendLine("| world | schedules/s | steps/s | steps/schedule | coyote CLI s | in-process s | CLI / in-process |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        var rows = new List<object>();
        foreach (var world in ctx.Plan.Worlds)
        {
            var b = ctx.Plan.BudgetOf(world) with { Iterations = iterations };
            var (outcome, elapsed) = Measure.Time(() => Explorer.Explore(world, b));
            var cli = File.Exists(modelsDll) ? CoyoteCli.Test(ctx.Root, modelsDll, world.Name, iterations, b.Seed, b.MaxSteps) : TimeSpan.Zero;
            var perSecond = outcome.IterationsRun / elapsed.TotalSeconds;
            var steps = outcome.TotalSteps / elapsed.TotalSeconds;
            md.AppendLine(inv, $"| {world.Name} | {F(perSecond)} | {F(steps, "0")} | {F((double)outcome.TotalSteps / outcome.IterationsRun)} | {F(cli.TotalSeconds, "0.00")} | {F(elapsed.TotalSeconds, "0.00")} | {(cli == TimeSpan.Zero ? "n/a (build Release first)" : F(cli.TotalSeconds / elapsed.TotalSeconds, "0.00"))} |");
            rows.Add(new { world = world.Name, schedulesPerSecond = perSecond, stepsPerSecond = steps, cliSeconds = cli.TotalSeconds, inProcessSeconds = elapsed.TotalSeconds });
        }

        md.AppendLine();
        return new SectionResult("throughput", md.ToString(), rows);
    }
}
