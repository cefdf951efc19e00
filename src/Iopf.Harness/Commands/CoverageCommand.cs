using System.CommandLine;
using Iopf.Exhaustive;
using Iopf.Harness.Output;
using Iopf.Harness.Rendering;
using Iopf.Harness.Running;

namespace Iopf.Harness.Commands;

/// <summary>
/// `iopf coverage`: explores worlds exhaustively (by default the plan's small ones) and prints, for every coverage
/// point, how many worlds reach it, naming the few that do and flagging the ones none does; `--markdown` writes the
/// whole points-by-worlds matrix.
/// </summary>
public static class CoverageCommand
{
    public static Command Create(CliOutput output)
    {
        var worlds = new WorldChoice();
        worlds.Worlds.Description = "World to explore (repeatable): a built-in world's name or the path of a world file; default: the plan's small worlds";
        var markdown = new Option<string?>("--markdown") { Description = "Also write the points-by-worlds matrix as Markdown to this file", HelpName = "file" };
        var command = new Command("coverage", "Which worlds reach which coverage point (messages taken, facts observed, decisions consulted), explored exhaustively");
        worlds.AddTo(command);
        command.Options.Add(markdown);
        command.SetAction(parsed =>
        {
            var plan = worlds.LoadPlan(parsed);
            var chosen = worlds.Named(parsed, plan) ?? plan.Worlds.Where(w => w.IsSmall).ToList();
            if (chosen.Count == 0)
            {
                throw new UsageException($"{plan.Source}: none of the plan's worlds is marked small (\"exhaustive\": {{ \"small\": true }}); name one with --world");
            }

            var file = parsed.GetValue(markdown);
            // The folder as the user wrote it, so a refusal names the path they gave.
            var directory = file is null ? null : Path.GetDirectoryName(file) is { Length: > 0 } given ? given : ".";
            if (directory is not null)
            {
                OutputFolder.Check(directory, "--markdown");
            }

            var defaults = new ExhaustiveOptions();
            var options = defaults with { MaxStates = plan.MaxStates ?? defaults.MaxStates, MaxDepth = plan.MaxDepth ?? defaults.MaxDepth };
            var results = chosen.Select(w => (w.Name, Result: ExhaustiveExplorer.Explore(w.Config, options))).ToList();
            var reached = results.Select(r => (r.Name, r.Result.Reached)).ToList();
            foreach (var line in CoverageMatrix.Lines(reached))
            {
                output.Writer.WriteLine(line);
            }

            foreach (var (name, result) in results.Where(r => !r.Result.Complete))
            {
                output.Writer.WriteLine($"{name}: {result.Coverage}; its coverage is what the search reached before it stopped");
            }

            if (file is not null)
            {
                var files = new StagedFiles(directory!);
                files.Add(file, CoverageMatrix.Markdown(reached));
                files.Commit();
                foreach (var line in files.Summary())
                {
                    output.Writer.WriteLine(line);
                }
            }

            return results.Any(r => r.Result.Violation is not null) ? ExitCodes.Violated : ExitCodes.Holds;
        });
        return command;
    }
}
