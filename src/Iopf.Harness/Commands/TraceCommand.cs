using System.CommandLine;
using Iopf.Harness.Rendering;
using Iopf.Harness.Running;
using Iopf.Models.Tracing;

namespace Iopf.Harness.Commands;

/// <summary>`iopf trace &lt;schedule&gt;`: prints the canonical trace of a schedule and writes it (.txt, .mmd, .md) beside it.</summary>
public static class TraceCommand
{
    public static Command Create(CliOutput output)
    {
        var schedule = new Argument<string>("schedule") { Description = "A .schedule.json file written by `iopf run`" };
        var command = new Command("trace", "Print a schedule's canonical trace and write it as text, Mermaid and Markdown beside it");
        command.Arguments.Add(schedule);
        command.SetAction(parsed => Execute(parsed.GetValue(schedule)!, output));
        return command;
    }

    public static int Execute(string schedulePath, CliOutput output)
    {
        var replay = ScheduleReplay.Run(schedulePath);
        replay.StageTrace().Commit();
        output.Writer.Write(TraceTextRenderer.Render(replay.Trace));
        return ExitCodes.Holds;
    }
}
