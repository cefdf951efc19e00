using System.CommandLine;
using System.Diagnostics;
using Iopf.Harness.Output;
using Iopf.Harness.Rendering;
using Iopf.Harness.Reports;
using Iopf.Harness.Running;
using Iopf.Models.Exploration;
using Iopf.Models.Tracing;
using Iopf.Worlds;
using Iopf.Worlds.Plan;
using Iopf.Worlds.Sampling;
using Spectre.Console;

namespace Iopf.Harness.Commands;

/// <summary>
/// `iopf run`: samples the worlds of the plan (or the chosen ones) with Coyote, prints the verdict table, and
/// writes each counterexample and the requested reports into the out directory. Exit 0 / 1 / 2.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliOutput output)
    {
        var worlds = new WorldChoice();
        var mutants = new Option<string[]>("--mutant") { Description = "Mutant to switch on in every explored world (repeatable)", HelpName = "name" };
        // The choices go into the description, not the help name, so `--help` stays readable at 80 columns.
        var strategy = new Option<string?>("--strategy") { Description = $"Exploration strategy (overrides the plan): {string.Join(", ", StrategyNames.All)}", HelpName = "name" };
        strategy.AcceptOnlyFromAmong([.. StrategyNames.All]);
        var iterations = WholeNumber.Option<uint>("--iterations", ["-i"], 1, uint.MaxValue);
        iterations.Description = "Schedules to explore per world (overrides the plan)";
        var seed = WholeNumber.Option<uint>("--seed", [], 0, uint.MaxValue);
        seed.Description = "Random seed (overrides the plan); shard k uses seed + k";
        var maxSteps = WholeNumber.Option<uint>("--max-steps", [], 10, uint.MaxValue);
        maxSteps.Description = "Scheduling-step bound per schedule (overrides the plan)";
        var outDir = new Option<string>("--out", "-o") { Description = "Directory for counterexamples and reports", DefaultValueFactory = _ => "out", HelpName = "dir" };
        var reports = new Option<string[]>("--report") { Description = "Report to write into the out directory (repeatable): json, junit" };
        reports.AcceptOnlyFromAmong(ReportFormat.All);
        var parallel = WholeNumber.Option<int>("--parallel", [], 1, 256);
        parallel.Description = "Independent shards per world, each its own engine with a derived seed";
        parallel.DefaultValueFactory = _ => 1;
        parallel.HelpName = "N";

        iterations.Validators.Add(r =>
        {
            if (ParsedOrNull(r) is 0)
            {
                r.AddError("--iterations must be at least 1");
            }
        });
        maxSteps.Validators.Add(r =>
        {
            if (ParsedOrNull(r) is < 10)
            {
                r.AddError("--max-steps must be at least 10");
            }
        });
        parallel.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, out var n) && n is < 1 or > 256)
            {
                r.AddError("--parallel must be between 1 and 256");
            }
        });

        var command = new Command("run", "Sample schedules of worlds with Coyote and report, per property, whether it held");
        worlds.AddTo(command);
        foreach (var option in new Option[] { mutants, strategy, iterations, seed, maxSteps, outDir, reports, parallel })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            var strategyName = parsed.GetValue(strategy);
            Strategy? chosenStrategy = strategyName is null ? null : StrategyNames.TryParse(strategyName, out var s) ? s : null;
            var plan = worlds.LoadPlan(parsed);
            return Execute(
                new RunArguments(
                    plan,
                    worlds.Named(parsed, plan),
                    parsed.GetValue(mutants) ?? [],
                    new BudgetOverrides(chosenStrategy, Given(parsed, iterations), Given(parsed, seed), Given(parsed, maxSteps)),
                    parsed.GetValue(outDir)!,
                    [.. (parsed.GetValue(reports) ?? []).Distinct()],
                    parsed.GetValue(parallel)),
                output);
        });
        return command;
    }

    // A validator runs even when the token is not a number (the parser reports that itself): never throw here.
    private static uint? ParsedOrNull(System.CommandLine.Parsing.OptionResult r) =>
        r.Tokens.Count == 1 && uint.TryParse(r.Tokens[0].Value, out var value) ? value : null;

    /// <summary>The option's value when it was on the command line; null lets the plan's or the world's value stand.</summary>
    private static uint? Given(ParseResult parsed, Option<uint> option) =>
        parsed.GetResult(option) is null ? null : parsed.GetValue(option);

    public static int Execute(RunArguments args, CliOutput output)
    {
        // Everything is checked before the first schedule runs, and nothing is written before the last one.
        var runs = RunPlanner.Plan(args.Plan, args.Worlds, args.Mutants, args.Overrides);
        OutputFolder.Check(args.OutDirectory, "--out");

        var console = Consoles.Over(output);
        var clock = Stopwatch.StartNew();
        var results = RunSession.Execute(runs, args.Parallel, console);
        var total = clock.Elapsed;

        var interrupted = results.Count < runs.Count;
        var files = new StagedFiles(args.OutDirectory);
        CounterexampleFiles.StageResults(files, args.OutDirectory, results);

        if (args.Reports.Contains(ReportFormat.Json))
        {
            files.Add(Path.Combine(args.OutDirectory, ReportFormat.JsonFileName), JsonReport.Render(results, ModelFingerprint.Current, total));
        }

        if (args.Reports.Contains(ReportFormat.JUnit))
        {
            files.Add(Path.Combine(args.OutDirectory, ReportFormat.JUnitFileName), JUnitReport.Render(results, args.OutDirectory));
        }

        files.Commit();

        console.Write(VerdictTable.Build(results));
        foreach (var line in CoverageLines.For([.. results.Select(r => (r.Run.World.Name, r.Outcome.Reached))]))
        {
            output.Writer.WriteLine(line);
        }

        // Lines that name paths and commands go to the writer itself: the console would wrap them at its
        // width, and a wrapped command cannot be pasted.
        foreach (var line in VerdictTable.ViolationLines(results, args.OutDirectory))
        {
            output.Writer.WriteLine(line);
        }

        foreach (var line in files.Summary())
        {
            output.Writer.WriteLine(line);
        }

        if (interrupted)
        {
            output.Writer.WriteLine($"interrupted: {results.Count} of {runs.Count} worlds finished and written; {string.Join(", ", runs.Skip(results.Count).Select(r => r.World.Name))} not explored");
            return ExitCodes.Interrupted;
        }

        return results.All(r => r.Outcome.Holds) ? ExitCodes.Holds : ExitCodes.Violated;
    }
}

/// <summary>The parsed arguments of `run`.</summary>
public sealed record RunArguments(
    VerificationPlan Plan,
    IReadOnlyList<WorldDefinition>? Worlds,
    IReadOnlyList<string> Mutants,
    BudgetOverrides Overrides,
    string OutDirectory,
    IReadOnlyList<string> Reports,
    int Parallel);
