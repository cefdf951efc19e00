using System.CommandLine;
using Iopf.Harness.Output;
using Iopf.Harness.Rendering;
using Iopf.Harness.Running;

namespace Iopf.Harness.Commands;

/// <summary>
/// What `replay` and `trace` share: one schedule argument (either engine's), `--out`, the replay that must
/// reproduce the recorded violation, and the trace files written beside the schedule. They differ only in
/// what they print. Exit 1 when the violation reproduces (both alike), 2 when the schedule cannot be used.
/// </summary>
internal static class ScheduleCommand
{
    public static Command Create(string name, string description, CliOutput output, Action<ScheduleReplay, StagedFiles, TextWriter> print)
    {
        var schedule = new Argument<string>("schedule") { Description = "A .schedule.json file written by `iopf run`, `iopf exhaustive` or `iopf mutants`" };
        var outDir = TraceOutOption.Create();
        var command = new Command(name, description);
        command.Arguments.Add(schedule);
        command.Options.Add(outDir);
        command.SetAction(parsed =>
        {
            var schedulePath = parsed.GetValue(schedule)!;
            var outDirectory = parsed.GetValue(outDir);
            TraceOutOption.Check(outDirectory, schedulePath);
            var replay = ScheduleReplay.Run(schedulePath);
            var files = replay.StageTrace(outDirectory);
            files.Commit();
            print(replay, files, output.Writer);
            return ExitCodes.Violated;
        });
        return command;
    }
}
