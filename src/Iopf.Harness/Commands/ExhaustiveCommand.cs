using System.CommandLine;
using Iopf.Exhaustive;
using Iopf.Harness.Rendering;
using Iopf.Models.Scenarios;
using Spectre.Console;

namespace Iopf.Harness.Commands;

/// <summary>`iopf exhaustive`: every interleaving of small configurations (breadth-first, so a counterexample is a shortest one).</summary>
public static class ExhaustiveCommand
{
    public static Command Create(CliOutput output)
    {
        var configs = new Option<string[]>("--config") { Description = "Small-scope configuration (repeatable); default: all", HelpName = "name" };
        var mutants = new Option<string[]>("--mutant") { Description = "Mutant to switch on (repeatable)", HelpName = "name" };
        var command = new Command("exhaustive", "Explore every interleaving of small configurations and check every property");
        command.Options.Add(configs);
        command.Options.Add(mutants);
        command.SetAction(parsed =>
        {
            var chosen = (parsed.GetValue(configs) ?? []).Select(name => SmallScope.Find(name)
                ?? throw new UnknownNameException("small-scope configuration", name, SmallScope.All.Select(c => c.Name))).ToList();
            var switched = MutantSelection.Parse(string.Join(",", parsed.GetValue(mutants) ?? []));
            var console = Consoles.Over(output);
            var violated = false;
            foreach (var small in chosen.Count > 0 ? chosen : SmallScope.All)
            {
                var result = ExhaustiveExplorer.Explore(small.Config with { Mutants = [.. switched] });
                console.WriteLine($"{small.Name}: {result.Summary}");
                if (result.Violation is { } v)
                {
                    violated = true;
                    console.WriteLine($"  {v.Property} violated ({v.Kind}) in {v.Steps.Count} steps: {v.Verdict}");
                    foreach (var line in CounterexampleRenderer.Lines(v))
                    {
                        console.WriteLine("    " + line);
                    }
                }
            }

            return violated ? ExitCodes.Violated : ExitCodes.Holds;
        });
        return command;
    }
}
