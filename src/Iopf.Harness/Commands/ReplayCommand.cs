using System.CommandLine;
using Iopf.Harness.Rendering;
using Iopf.Harness.Running;

namespace Iopf.Harness.Commands;

/// <summary>
/// `iopf replay &lt;schedule&gt;`: reproduces a recorded counterexample on this build, prints the verdict and
/// writes the canonical trace beside the schedule. Exit 1 when the violation reproduces, 0 when the schedule
/// now runs clean, 2 when the schedule cannot be used.
/// </summary>
public static class ReplayCommand
{
    public static Command Create(CliOutput output)
    {
        var schedule = new Argument<string>("schedule") { Description = "A .schedule.json file written by `iopf run`" };
        var command = new Command("replay", "Reproduce a recorded counterexample and write its canonical trace beside it");
        command.Arguments.Add(schedule);
        command.SetAction(parsed => Execute(parsed.GetValue(schedule)!, output));
        return command;
    }

    public static int Execute(string schedulePath, CliOutput output)
    {
        var replay = ScheduleReplay.Run(schedulePath);
        var files = replay.StageTrace();
        files.Commit();

        var recorded = replay.Schedule;
        var mutants = recorded.Mutants.Count == 0 ? "no mutants" : "mutants " + string.Join(", ", recorded.Mutants);
        output.Writer.WriteLine($"replayed {recorded.Scenario} ({mutants}), {replay.Outcome.StepsInBugTrace} scheduling decisions");
        var verdict = replay.Trace.Verdict;
        if (verdict.Holds)
        {
            output.Writer.WriteLine($"no violation: the schedule recorded {recorded.ViolatedProperty} but every property held on replay");
        }
        else
        {
            output.Writer.WriteLine($"{verdict.Property} VIOLATED: {verdict.Text}");
            if (verdict.OutstandingObligation is { } owed)
            {
                output.Writer.WriteLine($"still owed: {owed}");
            }

            if (verdict.Property != recorded.ViolatedProperty)
            {
                output.Writer.WriteLine($"note: the schedule recorded a {recorded.ViolatedProperty} violation");
            }
        }

        foreach (var path in files.Paths)
        {
            output.Writer.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
        }

        return verdict.Holds ? ExitCodes.Holds : ExitCodes.Violated;
    }
}
