using Iopf.Worlds.Plan;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Iopf.Models.Exploration;
using static Iopf.Bench.Sections.BenchContext;

namespace Iopf.Bench.Sections;

/// <summary>
/// Time and peak memory of the default run (every world of the plan with its budget), measured in a child
/// process of its own, so the other sections' heaps do not count.
/// </summary>
internal static class DefaultRunSection
{
    public const string ChildFlag = "--default-run-child";

    public static SectionResult Run(BenchContext ctx)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(DefaultRunSection).Assembly.Location);
        }

        start.ArgumentList.Add(ChildFlag);
        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync(); // read both streams at once, or a full pipe stalls the child
        var lines = child.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        child.WaitForExit();
        if (child.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"default run child exited with {child.ExitCode}: {errors.GetAwaiter().GetResult().Trim()}");
        }

        // Coyote logs its iterations on stdout; the figures are the last line.
        var figures = JsonSerializer.Deserialize<Figures>(lines[^1]) ?? throw new InvalidOperationException("default run child printed no figures");
        var md = string.Create(CultureInfo.InvariantCulture, $"## Default run: every world of the plan with its budget in {F(figures.Seconds, "0.0")} s; peak working set {figures.PeakWorkingSetMiB} MiB (a process of its own)\n\n");
        return new SectionResult("defaultRun", md, new { seconds = figures.Seconds, peakWorkingSetMiB = figures.PeakWorkingSetMiB });
    }

    /// <summary>The child's side: run the plan, print the figures as one JSON line.</summary>
    public static int RunChild(VerificationPlan plan)
    {
        var (_, elapsed) = Measure.Time(() => plan.Worlds.Select(w => Explorer.Explore(w, plan.BudgetOf(w))).ToList());
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        Console.WriteLine(JsonSerializer.Serialize(new Figures(elapsed.TotalSeconds, peak)));
        return 0;
    }

    private sealed record Figures(double Seconds, long PeakWorkingSetMiB);
}
