using System.CommandLine;
using Iopf.Harness.Rendering;
using Iopf.Harness.Running;
using Iopf.Models.Tracing;

namespace Iopf.Harness.Commands;

/// <summary>
/// `iopf trace &lt;schedule&gt;`: prints the canonical trace of a schedule and writes it (.txt, .mmd, .md) beside
/// it. Exits like `replay` (1: the recorded violation reproduced), so both agree on the same schedule.
/// </summary>
public static class TraceCommand
{
    public static Command Create(CliOutput output)
    {
        var schedule = new Argument<string>("schedule") { Description = "A .schedule.json file written by `iopf run`, `iopf exhaustive` or `iopf mutants`" };
        var outDir = TraceOutOption.Create();
        var command = new Command("trace", "Print a schedule's canonical trace and write it as text, Mermaid and Markdown beside it");
        command.Arguments.Add(schedule);
        command.Options.Add(outDir);
        command.SetAction(parsed => Execute(parsed.GetValue(schedule)!, parsed.GetValue(outDir), output));
        return command;
    }

    public static int Execute(string schedulePath, string? outDirectory, CliOutput output)
    {
        TraceOutOption.Check(outDirectory, schedulePath);
        var replay = ScheduleReplay.Run(schedulePath);
        replay.StageTrace(outDirectory).Commit();
        output.Writer.Write(TraceTextRenderer.Render(replay.Trace));

        // The schedule's violation reproduced: the same verdict as `replay` gives, and the same exit code.
        return ExitCodes.Violated;
    }
}
