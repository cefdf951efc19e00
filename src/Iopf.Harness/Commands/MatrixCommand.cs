using System.CommandLine;
using Iopf.Harness.Rendering;
using Iopf.Models.Designs;
using Iopf.Models.Exploration;
using Iopf.Models.Scenarios;
using Iopf.Protocol.Designs;
using Spectre.Console;

namespace Iopf.Harness.Commands;

/// <summary>`iopf matrix`: every design under every scenario, each property judged; writes matrix.md, matrix.json and the counterexample schedules.</summary>
public static class MatrixCommand
{
    public static Command Create(CliOutput output)
    {
        var scenarios = new Option<string[]>("--scenario") { Description = "Scenario to include (repeatable); default: every scenario of the catalog", HelpName = "name" };
        var iterations = new Option<uint>("--iterations", "-i") { Description = "Schedules per design and scenario", DefaultValueFactory = _ => 200 };
        var seed = new Option<uint>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out", "-o") { Description = "Directory for the matrix files", DefaultValueFactory = _ => "out/matrix", HelpName = "dir" };
        var command = new Command("matrix", "Compare the claimed design with the prior art: a design x property matrix with costs");
        foreach (var option in new Option[] { scenarios, iterations, seed, outDir })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            var chosen = (parsed.GetValue(scenarios) ?? []).Select(name => ScenarioCatalog.Find(name)
                ?? throw new UnknownNameException("scenario", name, ScenarioCatalog.All.Select(s => s.Name))).ToList();
            if (parsed.GetValue(iterations) == 0)
            {
                throw new UsageException("--iterations must be at least 1");
            }

            var console = Consoles.Over(output);
            var budget = new ExplorationBudget(parsed.GetValue(iterations), Strategy.Random, 2000, parsed.GetValue(seed));
            var matrix = DesignMatrix.Compute(DesignRegistry.All, chosen.Count > 0 ? chosen : ScenarioCatalog.All, budget, step => console.MarkupLine($"[grey]{Markup.Escape(step)}[/]"));
            var files = MatrixWriter.Write(matrix, parsed.GetValue(outDir)!);
            console.Write(new Text(MatrixRendering.Markdown(matrix, (_, _) => null).Split("## Verdicts")[0]));
            console.WriteLine($"wrote {files.Count} files into {parsed.GetValue(outDir)}");
            return ExitCodes.Holds;
        });
        return command;
    }
}
