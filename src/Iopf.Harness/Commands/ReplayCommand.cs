using System.CommandLine;
using Iopf.Harness.Rendering;
using Iopf.Harness.Running;

namespace Iopf.Harness.Commands;

/// <summary>
/// `iopf replay &lt;schedule&gt;`: reproduces a recorded counterexample on this build, prints the verdict and
/// writes the canonical trace beside the schedule. Exit 1 when the violation reproduces, 2 when the schedule
/// cannot be used (including one that no longer reproduces its recorded verdict).
/// </summary>
public static class ReplayCommand
{
    public static Command Create(CliOutput output)
    {
        var schedule = new Argument<string>("schedule") { Description = "A .schedule.json file written by `iopf run`, `iopf exhaustive` or `iopf mutants`" };
        var outDir = TraceOutOption.Create();
        var command = new Command("replay", "Reproduce a recorded counterexample and write its canonical trace beside it");
        command.Arguments.Add(schedule);
        command.Options.Add(outDir);
        command.SetAction(parsed => Execute(parsed.GetValue(schedule)!, parsed.GetValue(outDir), output));
        return command;
    }

    public static int Execute(string schedulePath, string? outDirectory, CliOutput output)
    {
        TraceOutOption.Check(outDirectory, schedulePath);
        var replay = ScheduleReplay.Run(schedulePath);
        var files = replay.StageTrace(outDirectory);
        files.Commit();

        var mutants = replay.Mutants.Count == 0 ? "no mutants" : "mutants " + string.Join(", ", replay.Mutants);
        output.Writer.WriteLine($"replayed {replay.World} ({mutants}), {replay.Steps}");
        var verdict = replay.Trace.Verdict;
        output.Writer.WriteLine($"{verdict.Property} VIOLATED: {verdict.Text}");
        if (verdict.OutstandingObligation is { } owed)
        {
            output.Writer.WriteLine($"still owed: {owed}");
        }

        foreach (var line in files.Summary())
        {
            output.Writer.WriteLine(line);
        }

        return ExitCodes.Violated;
    }
}
