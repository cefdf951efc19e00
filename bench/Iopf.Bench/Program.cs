using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Iopf.Bench;
using Iopf.Exhaustive;
using Iopf.Invariants;
using Iopf.Models.Exploration;
using Iopf.Models.Mutants;
using Iopf.Models.Reports;
using Iopf.Models.Scenarios;

// Usage: dotnet run -c Release --project bench/Iopf.Bench -- [--quick | --profile-target <configuration>]
// --quick: fewer iterations and seeds (to check the bench itself); the committed results come from a full run.
// --profile-target: only explore that configuration (three times, and for at least 5 s) and print the figures (what bench/profile traces).
if (args is ["--profile-target", var target])
{
    var small = SmallScope.Find(target);
    if (small is null)
    {
        Console.Error.WriteLine($"bench: unknown configuration '{target}'; valid: {string.Join(", ", SmallScope.All.Concat(SmallScope.Larger).Select(c => c.Name))}");
        return 2;
    }

    // At least three searches and at least five seconds of them, so a small configuration gets enough samples.
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < 3 || clock.Elapsed < TimeSpan.FromSeconds(5); i++)
    {
        Console.WriteLine(ExhaustiveExplorer.Explore(small.Config).Summary);
    }

    return 0;
}

var quick = args.Contains("--quick");
var root = FindRoot();
var plan = ExplorationPlan.Load(Path.Combine(root, ExplorationPlan.FileName));
var md = new StringBuilder();
var json = new Dictionary<string, object>();
var inv = CultureInfo.InvariantCulture;
string F(double v, string format = "0.0") => v.ToString(format, inv);

md.AppendLine("# Benchmark results");
md.AppendLine();
md.AppendLine(inv, $"- command: `dotnet run -c Release --project bench/Iopf.Bench{(quick ? " -- --quick" : string.Empty)}`");
md.AppendLine(inv, $"- commit: `{Git(root, "rev-parse --short HEAD")}`");
md.AppendLine(inv, $"- machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
md.AppendLine("- all figures are wall-clock on this machine; nothing here is asserted by a test");
md.AppendLine();

// 1. Throughput per scenario, in-process and through the coyote CLI.
var modelsDll = Path.Combine(root, "artifacts", "bin", "Iopf.Models", "release", "Iopf.Models.dll");
var iterations = quick ? 100u : 500u;
md.AppendLine(inv, $"## Exploration throughput ({iterations} schedules per scenario, random, seed 1)");
md.AppendLine();
md.AppendLine("| scenario | schedules/s | steps/s | steps/schedule | coyote CLI s | in-process s | CLI / in-process |");
md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
var throughput = new List<object>();
foreach (var (scenario, budget) in plan.Entries)
{
    var b = budget with { Iterations = iterations };
    var (outcome, elapsed) = Measure.Time(() => Explorer.Explore(scenario, b));
    var cli = File.Exists(modelsDll) ? CoyoteCli.Test(root, modelsDll, scenario.Name, iterations, b.Seed, b.MaxSteps) : TimeSpan.Zero;
    var perSecond = outcome.IterationsRun / elapsed.TotalSeconds;
    var steps = outcome.TotalSteps / elapsed.TotalSeconds;
    md.AppendLine(inv, $"| {scenario.Name} | {F(perSecond)} | {F(steps, "0")} | {F((double)outcome.TotalSteps / outcome.IterationsRun)} | {F(cli.TotalSeconds, "0.00")} | {F(elapsed.TotalSeconds, "0.00")} | {(cli == TimeSpan.Zero ? "n/a (build Release first)" : F(cli.TotalSeconds / elapsed.TotalSeconds, "0.00"))} |");
    throughput.Add(new { scenario = scenario.Name, schedulesPerSecond = perSecond, stepsPerSecond = steps, cliSeconds = cli.TotalSeconds, inProcessSeconds = elapsed.TotalSeconds });
}

json["throughput"] = throughput;
md.AppendLine();

// 2. Iterations-to-bug per mutant and strategy.
var seeds = quick ? 3u : 10u;
var cap = quick ? 300u : 1000u;
md.AppendLine(inv, $"## Iterations to bug (median / worst over {seeds} seeds, at most {cap} schedules; `-` = not found in every seed)");
md.AppendLine();
var strategies = Enum.GetValues<Strategy>();
md.AppendLine("| mutant | scenario | " + string.Join(" | ", strategies.Select(s => s.ToCliName())) + " |");
md.AppendLine("|---|---|" + string.Concat(strategies.Select(_ => "---:|")));
var kills = new List<object>();
foreach (var c in MutantCatalog.Sampled)
{
    var cells = new List<string>();
    foreach (var strategy in strategies)
    {
        var found = new List<double>();
        var times = new List<double>();
        var missed = 0;
        for (var seed = 1u; seed <= seeds; seed++)
        {
            var budget = new ExplorationBudget(cap, strategy, 2000, seed);
            var (o, t) = Measure.Time(() => Explorer.Explore(c.Broken, budget));
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
        kills.Add(new { mutant = c.Mutant.ToString(), strategy = strategy.ToCliName(), found = found.Count, missed, medianIterations = found.Count == 0 ? (double?)null : Measure.Median(found), worstIterations = found.Count == 0 ? (double?)null : found.Max(), medianMilliseconds = times.Count == 0 ? (double?)null : Measure.Median(times) });
    }

    md.AppendLine(inv, $"| {c.Mutant} | {c.Scenario.Name} | {string.Join(" | ", cells)} |");
}

json["iterationsToBug"] = kills;
md.AppendLine();
foreach (var c in MutantCatalog.All.Where(c => c.BeyondSampling is not null))
{
    md.AppendLine(inv, $"{c.Mutant} is left to the exhaustive explorer: {c.BeyondSampling}.");
}

md.AppendLine();

// 3. Z3 suite.
var (results, z3) = Measure.Time(InvariantSuite.CheckAll);
md.AppendLine(inv, $"## Z3 invariant suite: {results.Count} queries ({results.Count(r => r.AsExpected)} as expected) in {F(z3.TotalSeconds, "0.00")} s");
md.AppendLine();
json["z3"] = new { queries = results.Count, asExpected = results.Count(r => r.AsExpected), seconds = z3.TotalSeconds };

// 4. Exhaustive explorer: the CI configurations and the larger ones, medians of several runs after a warm-up.
var exhaustiveRuns = quick ? 3 : 7;
var rows = ExhaustiveBench.Measure([.. SmallScope.All, .. SmallScope.Larger], exhaustiveRuns);
md.AppendLine(inv, $"## Exhaustive explorer (one core; median of {exhaustiveRuns} runs after a warm-up run)");
md.AppendLine();
md.AppendLine("| configuration | verdict | states | transitions | protocol steps run | depth | seconds | states/s (median) | states/s (min - max) | MiB allocated |");
md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in rows)
{
    md.AppendLine(inv, $"| {r.Configuration} | {r.Verdict} | {r.States:N0} | {r.Transitions:N0} | {r.StepsRun:N0} | {r.Depth} | {F(r.MedianSeconds, "0.000")} | {r.MedianStatesPerSecond:N0} | {r.MinStatesPerSecond:N0} - {r.MaxStatesPerSecond:N0} | {F(r.AllocatedMiB, "0")} |");
}

json["exhaustive"] = rows;
md.AppendLine();
md.AppendLine("Protocol steps run: transitions whose outcome was computed by the core's step functions; every other transition reused the outcome of the same step (same party state, message, choice and reached memories) met in another interleaving. Where the time goes: `bench/profile.md` (`bash bench/profile`).");
md.AppendLine();

// 5. Parallel exploration: the same number of schedules in one engine, then split over two engines running at once.
var parallelScenario = plan.Entries.First(e => e.Scenario.Name == "FaultBurst");
var total = quick ? 200u : 600u;
var (_, one) = Measure.Time(() => Explorer.Explore(parallelScenario.Scenario, parallelScenario.Budget with { Iterations = total }));
var (_, two) = Measure.Time(() =>
{
    var shards = Enumerable.Range(0, 2)
        .Select(k => Task.Run(() => Explorer.Explore(parallelScenario.Scenario, parallelScenario.Budget with { Iterations = total / 2, Seed = parallelScenario.Budget.Seed + (uint)k })))
        .ToArray();
    Task.WaitAll(shards);
    return shards.Length;
});
md.AppendLine(inv, $"## Parallel exploration: FaultBurst, {total} schedules: one engine {F(one.TotalSeconds, "0.00")} s, two shards at once {F(two.TotalSeconds, "0.00")} s, speed-up {F(one.TotalSeconds / two.TotalSeconds, "0.00")}x on {Environment.ProcessorCount} cores");
md.AppendLine();
json["parallel"] = new { scenario = "FaultBurst", schedules = total, oneEngineSeconds = one.TotalSeconds, twoShardsSeconds = two.TotalSeconds, speedUp = one.TotalSeconds / two.TotalSeconds };

// 6. Peak memory of a default run (all scenarios, coyote.json budgets).
var (_, defaultRun) = Measure.Time(() => plan.Entries.Select(e => Explorer.Explore(e.Scenario, e.Budget)).ToList());
var peak = Process.GetCurrentProcess().PeakWorkingSet64;
md.AppendLine(inv, $"## Default run: every scenario with its coyote.json budget in {F(defaultRun.TotalSeconds, "0.0")} s; peak working set of this process {peak / (1024 * 1024)} MiB");
json["defaultRun"] = new { seconds = defaultRun.TotalSeconds, peakWorkingSetMiB = peak / (1024 * 1024) };

var outDir = Path.Combine(root, "bench");
AtomicFiles.WriteAll(outDir, [("results.md", md.ToString()), ("results.json", JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n")]);
Console.WriteLine(md.ToString());
return 0;

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verification.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}

static string Git(string root, string arguments)
{
    var p = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true })!;
    var text = p.StandardOutput.ReadToEnd().Trim();
    p.WaitForExit();
    return text;
}
