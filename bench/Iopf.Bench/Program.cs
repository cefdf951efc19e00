using Iopf.Worlds;
using Iopf.Worlds.Plan;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.CommandLine;
using System.Text.Json;
using Iopf.Bench.Sections;
using Iopf.Exhaustive;
using Iopf.Models.Exploration;
using Iopf.Models.Reports;

// Usage: dotnet run -c Release --project bench/Iopf.Bench -- [--quick] [--only <section>...]
//        dotnet run -c Release --project bench/Iopf.Bench -- --profile-target <configuration>
// A full run writes bench/results.md and .json (every figure from this one run). --quick: fewer iterations and
// seeds, to check the bench itself. --only: run just those sections and print them (nothing is written).
// --profile-target: only explore that configuration (three times, and for at least 5 s) and print the figures
// (what bench/profile traces).
var sections = new (string Name, Func<BenchContext, SectionResult> Run)[]
{
    ("throughput", ThroughputSection.Run),
    ("iterations-to-bug", IterationsToBugSection.Run),
    ("z3", Z3Section.Run),
    ("default-run", DefaultRunSection.Run),
    ("parallel", ParallelSection.Run),
    ("exhaustive", ExhaustiveSection.Run),
};

var quickOption = new Option<bool>("--quick") { Description = "Fewer iterations and seeds, to check the bench itself" };
var onlyOption = new Option<string[]>("--only") { Description = "Run just these sections and print them (nothing is written): " + string.Join(", ", sections.Select(s => s.Name)), AllowMultipleArgumentsPerToken = true };
onlyOption.AcceptOnlyFromAmong([.. sections.Select(s => s.Name)]);
var profileOption = new Option<string>("--profile-target") { Description = "Only explore this exhaustive configuration repeatedly (for bench/profile)" };
var childOption = new Option<bool>(DefaultRunSection.ChildFlag) { Hidden = true };
var command = new RootCommand("Benchmarks of the IOPF model checker; a full run writes bench/results.md and .json") { quickOption, onlyOption, profileOption, childOption };
command.SetAction(parsed => Bench(parsed.GetValue(quickOption), parsed.GetValue(onlyOption), parsed.GetValue(profileOption), parsed.GetValue(childOption)));
var parsedArgs = command.Parse(args);
if (parsedArgs.Errors.Count > 0)
{
    Console.Error.WriteLine($"bench: {string.Join("; ", parsedArgs.Errors.Select(e => e.Message.ReplaceLineEndings(" ")))} (see --help)");
    return 2;
}

return parsedArgs.Invoke();

int Bench(bool quick, string[]? only, string? profileTarget, bool defaultRunChild)
{
    var root = FindRoot();
    var plan = PlanReader.Load(Path.Combine(root, VerificationPlan.FileName));
    if (defaultRunChild)
    {
        return DefaultRunSection.RunChild(plan);
    }

    if (profileTarget is not null)
    {
        return Profile(profileTarget);
    }

    only = only is { Length: > 0 } ? only : null;
    var ctx = new BenchContext(root, plan, quick);
    var inv = CultureInfo.InvariantCulture;
    var md = new StringBuilder();
    var json = new Dictionary<string, object>();
    md.AppendLine("# Benchmark results");
    md.AppendLine();
    md.AppendLine(inv, $"- command: `dotnet run -c Release --project bench/Iopf.Bench{(quick ? " -- --quick" : string.Empty)}`");
    md.AppendLine(inv, $"- commit: `{Git(root, "rev-parse --short HEAD")}`");
    md.AppendLine(inv, $"- machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
    md.AppendLine("- all figures are wall-clock on this machine; nothing here is asserted by a test");
    md.AppendLine();
    foreach (var (name, run) in sections.Where(s => only is null || only.Contains(s.Name)))
    {
        var result = run(ctx);
        md.Append(result.Markdown);
        json[result.Key] = result.Json;
    }

    if (only is null)
    {
        AtomicFiles.WriteAll(Path.Combine(root, "bench"), [("results.md", md.ToString()), ("results.json", JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n")]);
    }

    Console.WriteLine(md.ToString());
    return 0;
}

static int Profile(string target)
{
    var small = WorldCatalog.Find(target);
    if (small is null)
    {
        Console.Error.WriteLine($"bench: unknown world '{target}'; valid: {string.Join(", ", WorldCatalog.BuiltIn.Select(w => w.Name))}");
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
