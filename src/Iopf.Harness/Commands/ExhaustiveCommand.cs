using System.CommandLine;
using System.Globalization;
using Iopf.Exhaustive;
using Iopf.Harness.Rendering;
using Iopf.Models.Exploration;
using Iopf.Models.Scenarios;
using Spectre.Console;

namespace Iopf.Harness.Commands;

/// <summary>`iopf exhaustive`: every interleaving of small configurations (breadth-first, so a counterexample is a shortest one).</summary>
public static class ExhaustiveCommand
{
    public static Command Create(CliOutput output)
    {
        var plan = new Option<string>("--plan") { Description = "coyote.json with an exhaustive section; default: ./coyote.json when present, else the built-in configurations", HelpName = "path" };
        var configs = new Option<string[]>("--config") { Description = "Configuration to check (repeatable); default: the plan's list", HelpName = "name" };
        var mutants = new Option<string[]>("--mutant") { Description = "Mutant to switch on (repeatable)", HelpName = "name" };
        var maxStates = new Option<int?>("--max-states") { Description = "Stop after this many distinct states (overrides the plan)", HelpName = "n" };
        var maxDepth = new Option<int?>("--max-depth") { Description = "Do not expand states at this depth (overrides the plan)", HelpName = "n" };
        var command = new Command("exhaustive", "Explore every interleaving of small configurations and check every property");
        command.Options.Add(plan);
        command.Options.Add(configs);
        command.Options.Add(mutants);
        command.Options.Add(maxStates);
        command.Options.Add(maxDepth);
        command.SetAction(parsed =>
        {
            var loaded = parsed.GetValue(plan) is { } path ? ExhaustivePlan.Load(path)
                : File.Exists(ExplorationPlan.FileName) ? ExhaustivePlan.Load(ExplorationPlan.FileName)
                : ExhaustivePlan.BuiltIn;
            var chosen = (parsed.GetValue(configs) ?? []).Select(name => loaded.Find(name)
                ?? throw new UnknownNameException("exhaustive configuration", name, loaded.Known.Select(c => c.Name))).ToList();
            var switched = MutantSelection.Parse(string.Join(",", parsed.GetValue(mutants) ?? []));
            var options = loaded.Options with
            {
                MaxStates = parsed.GetValue(maxStates) is { } states ? Positive(states, "--max-states", 1) : loaded.Options.MaxStates,
                MaxDepth = parsed.GetValue(maxDepth) is { } depth ? Positive(depth, "--max-depth", 0) : loaded.Options.MaxDepth,
            };

            var results = (chosen.Count > 0 ? chosen : loaded.Defaults)
                .Select(small => (small.Name, Result: ExhaustiveExplorer.Explore(small.Config with { Mutants = [.. switched] }, options)))
                .ToList();

            var console = Consoles.Over(output);
            console.Write(Table(results));
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
        var table = new Table().AddColumns("configuration", "coverage", "states", "transitions", "steps run", "depth", "quiescent", "cannot complete", "seconds", "states/s");
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
