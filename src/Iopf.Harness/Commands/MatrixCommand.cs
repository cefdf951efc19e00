using System.CommandLine;
using Iopf.Harness.Output;
using Iopf.Harness.Rendering;
using Iopf.Models.Designs;
using Iopf.Harness.Running;
using Iopf.Protocol.Designs;
using Iopf.Worlds.Sampling;
using Spectre.Console;

namespace Iopf.Harness.Commands;

/// <summary>`iopf matrix`: every design under every world, each property judged; writes matrix.md, matrix.json and the counterexample schedules.</summary>
public static class MatrixCommand
{
    public static Command Create(CliOutput output)
    {
        var worlds = new WorldChoice();
        var iterations = WholeNumber.Option<uint>("--iterations", ["-i"], 1, uint.MaxValue);
        iterations.Description = "Schedules per design and world";
        iterations.DefaultValueFactory = _ => 200;
        var seed = WholeNumber.Option<uint>("--seed", [], 0, uint.MaxValue);
        seed.Description = "Random seed";
        seed.DefaultValueFactory = _ => 1;
        var outDir = new Option<string>("--out", "-o") { Description = "Directory for the matrix files", DefaultValueFactory = _ => "out/matrix", HelpName = "dir" };
        var command = new Command("matrix", "Compare the claimed design with the prior art: a design x property matrix with costs");
        worlds.AddTo(command);
        foreach (var option in new Option[] { iterations, seed, outDir })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            var plan = worlds.LoadPlan(parsed);
            var chosen = worlds.Named(parsed, plan) ?? plan.Worlds;
            if (parsed.GetValue(iterations) == 0)
            {
                throw new UsageException("--iterations must be at least 1");
            }

            var directory = parsed.GetValue(outDir)!;
            OutputFolder.Check(directory, "--out");
            var console = Consoles.Over(output);
            var budget = new ExplorationBudget(parsed.GetValue(iterations), Strategy.Random, 2000, parsed.GetValue(seed));
            var matrix = DesignMatrix.Compute(DesignRegistry.All, chosen, budget, step => console.MarkupLine($"[grey]{Markup.Escape(step)}[/]"));
            var files = new StagedFiles(directory);
            foreach (var (relative, text) in MatrixWriter.Files(matrix))
            {
                files.Add(Path.Combine(directory, relative), text.ReplaceLineEndings("\n"));
            }

            files.Commit();
            console.Write(new Text(MatrixRendering.Markdown(matrix, (_, _) => null).Split("## Verdicts")[0]));
            console.WriteLine($"wrote {files.Paths.Count} files into {directory}");
            return ExitCodes.Holds;
        });
        return command;
    }
}
