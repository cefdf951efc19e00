using System.CommandLine;
using Iopf.Harness.Output;
using Iopf.Harness.Rendering;
using Iopf.Harness.Running;
using Iopf.Models.Mutants;
using Iopf.Models.Tracing;
using Iopf.Worlds.Mutants;
using Iopf.Worlds.Sampling;
using Spectre.Console;

namespace Iopf.Harness.Commands;

/// <summary>
/// `iopf mutants`: the kill table. Every sampled mutant of the mutant table is explored with the plan's budget for its world;
/// for each: which monitor caught it, after how many schedules and steps, under which strategy, the saved
/// schedule, and whether that schedule replays to the same violation at the same step. Each schedule is
/// written as `run` writes one (mutants/&lt;Mutant&gt;.schedule.json and its trace files), so `iopf replay` reads it.
/// </summary>
public static class MutantsCommand
{
    public static Command Create(CliOutput output)
    {
        var worlds = new WorldChoice();
        var outDir = new Option<string>("--out", "-o") { Description = "Directory for the mutants' schedules", DefaultValueFactory = _ => "out", HelpName = "dir" };
        var command = new Command("mutants", "Run the sampled mutants of the mutant table: each must be caught by its monitor, and its schedule must replay");
        command.Options.Add(worlds.Plan);
        command.Options.Add(outDir);
        command.SetAction(parsed =>
        {
            var plan = worlds.LoadPlan(parsed);
            var directory = parsed.GetValue(outDir)!;
            OutputFolder.Check(directory, "--out");
            var console = Consoles.Over(output);
            var rows = KillTable.Compute(plan, Mutant.Sampled, m => console.MarkupLine($"[grey]exploring {Markup.Escape(m)}[/]"));
            var mutantsFolder = Path.Combine(directory, "mutants");
            var files = new StagedFiles(directory);
            foreach (var r in rows.Where(r => r.Schedule is not null))
            {
                var schedule = new ScheduleFile(r.World, [r.Mutant], r.Budget, ModelFingerprint.Current, r.CaughtBy!, r.Verdict ?? string.Empty, r.Schedule!);
                var (_, trace) = TracedReplay.Run(r.Mutant.Broken(), r.Budget, r.Schedule!);
                CounterexampleFiles.StageAll(files, mutantsFolder, schedule, trace, r.Mutant.Name);
            }

            files.Commit();

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Mutant", "Mechanism", "World", "Caught by", "Iterations", "Steps", "Strategy", "Replays", "Schedule");
            foreach (var r in rows)
            {
                var caught = r.CaughtBy is null ? "[red]SURVIVED[/]" : r.AsExpected ? r.CaughtBy : $"[yellow]{r.CaughtBy} (expected {r.Mutant.Property})[/]";
                table.AddRow(
                    r.Mutant.Name,
                    Markup.Escape(r.Mutant.Area),
                    r.World.Name,
                    caught,
                    r.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    r.Steps.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    r.Budget.Strategy.ToCliName(),
                    r.ReplaysIdentically ? "same step" : "[red]no[/]",
                    r.Schedule is null ? "-" : Markup.Escape(Path.Combine(mutantsFolder, CounterexampleFiles.ScheduleName(r.Mutant.Name))));
            }

            console.Write(table);
            foreach (var m in Mutant.All.Where(m => m.BeyondSampling is not null))
            {
                console.WriteLine($"{m.Name}: left to `iopf exhaustive` ({m.BeyondSampling}).");
            }

            var killed = rows.Count(r => r.AsExpected && r.ReplaysIdentically);
            console.WriteLine($"{killed}/{rows.Count} mutants killed by their monitor and replayed to the same step.");
            return killed == rows.Count ? ExitCodes.Holds : ExitCodes.Violated;
        });
        return command;
    }
}
