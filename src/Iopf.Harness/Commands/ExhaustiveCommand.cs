using System.CommandLine;
using System.Globalization;
using Iopf.Exhaustive;
using Iopf.Harness.Output;
using Iopf.Harness.Rendering;
using Iopf.Harness.Reports;
using Iopf.Harness.Running;
using Iopf.Models.Entry;
using Spectre.Console;

namespace Iopf.Harness.Commands;

/// <summary>`iopf exhaustive`: every interleaving of worlds (by default the plan's small ones; breadth-first, so a counterexample is a shortest one).</summary>
public static class ExhaustiveCommand
{
    public static Command Create(CliOutput output)
    {
        var worlds = new WorldChoice();
        worlds.Worlds.Description = "World to check (repeatable): a built-in world's name or the path of a world file; default: the plan's small worlds";
        var mutants = new Option<string[]>("--mutant") { Description = "Mutant to switch on (repeatable)", HelpName = "name" };
        var maxStates = WholeNumber.Optional<int>("--max-states", 1, int.MaxValue);
        maxStates.Description = "Stop after this many distinct states (overrides the plan)";
        maxStates.HelpName = "n";
        var maxDepth = WholeNumber.Optional<int>("--max-depth", 0, int.MaxValue);
        maxDepth.Description = "Do not expand states at this depth (overrides the plan)";
        maxDepth.HelpName = "n";
        var outDir = new Option<string>("--out", "-o") { Description = "Directory for counterexamples (<world>.exhaustive.*) and reports", DefaultValueFactory = _ => "out", HelpName = "dir" };
        var reports = new Option<string[]>("--report") { Description = "Report to write into the out directory (repeatable): json, junit" };
        reports.AcceptOnlyFromAmong(ReportFormat.All);
        var command = new Command("exhaustive", "Explore every interleaving of worlds and check every property on every transition");
        worlds.AddTo(command);
        command.Options.Add(mutants);
        command.Options.Add(maxStates);
        command.Options.Add(maxDepth);
        command.Options.Add(outDir);
        command.Options.Add(reports);
        command.SetAction(parsed =>
        {
            var plan = worlds.LoadPlan(parsed);
            var chosen = worlds.Named(parsed, plan) ?? plan.Worlds.Where(w => w.IsSmall).ToList();
            if (chosen.Count == 0)
            {
                throw new UsageException($"{plan.Source}: none of the plan's worlds is marked small (\"exhaustive\": {{ \"small\": true }}); name one with --world");
            }

            var switched = MutantChoice.Parse(parsed.GetValue(mutants) ?? []);
            var defaults = new ExhaustiveOptions();
            var options = defaults with
            {
                MaxStates = parsed.GetValue(maxStates) is { } states ? Positive(states, "--max-states", 1) : plan.MaxStates ?? defaults.MaxStates,
                MaxDepth = parsed.GetValue(maxDepth) is { } depth ? Positive(depth, "--max-depth", 0) : plan.MaxDepth ?? defaults.MaxDepth,
            };

            var directory = parsed.GetValue(outDir)!;
            OutputFolder.Check(directory, "--out");

            var results = chosen
                .Select(world => (world.Name, Result: ExhaustiveExplorer.Explore(world.WithMutants(switched).Config, options)))
                .ToList();

            var files = ExhaustiveFiles.Stage(directory, chosen, switched, results, parsed.GetValue(reports) ?? []);
            files.Commit();

            var console = Consoles.Over(output);
            console.Write(Table(results));
            console.WriteLine();
            foreach (var line in CoverageLines.For([.. results.Select(r => (r.Name, r.Result.Reached))]))
            {
                console.WriteLine(line);
            }

            foreach (var line in CoverageLines.NotExercised(switched, [.. results.Select(r => (r.Name, r.Result.Reached))]))
            {
                console.WriteLine(line);
            }

            foreach (var (name, result) in results)
            {
                if (result.Violation is { } v)
                {
                    console.WriteLine();
                    console.WriteLine($"{name}: {v.Property} violated ({v.Kind}) in {v.Steps.Count} steps: {v.Verdict}");
                    foreach (var line in CounterexampleRenderer.Lines(v))
                    {
                        console.WriteLine("    " + line);
                    }
                }
            }

            foreach (var line in files.Summary())
            {
                output.Writer.WriteLine(line);
            }

            var incomplete = results.Where(r => r.Result.Violation is null && !r.Result.Complete).Select(r => r.Name).ToList();
            if (incomplete.Count > 0)
            {
                console.WriteLine();
                console.WriteLine($"incomplete: {string.Join(", ", incomplete)} stopped at a bound before every interleaving was explored; no verdict (exit {ExitCodes.Incomplete})");
            }

            return results.Any(r => r.Result.Violation is not null) ? ExitCodes.Violated
                : incomplete.Count > 0 ? ExitCodes.Incomplete
                : ExitCodes.Holds;
        });
        return command;
    }

    private static Table Table(IEnumerable<(string Name, ExhaustiveResult Result)> results)
    {
        var table = new Table().AddColumns("world", "coverage", "states", "transitions", "steps run", "depth", "quiescent", "cannot complete", "seconds", "states/s");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var (name, r) in results)
        {
            table.AddRow(
                Markup.Escape(name),
                Markup.Escape(r.Violation is { } v ? $"{v.Property} VIOLATED" : r.Coverage),
                Number(r.States),
                Number(r.Transitions),
                Number(r.StepsExecuted),
                Number(r.MaxDepth),
                Number(r.QuiescentStates),
                r.CompletionUnreachableStates is { } n ? Number(n) : "-",
                r.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture),
                r.StatesPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static int Positive(int value, string option, int least) =>
        value >= least ? value : throw new UsageException($"{option}: must be at least {least}, not {value}");
}
