using System.CommandLine;
using Iopf.Harness.Rendering;
using Iopf.Models.Tracing;

namespace Iopf.Harness.Commands;

/// <summary>
/// `iopf trace &lt;schedule&gt;`: prints the canonical trace of a schedule and writes it (.txt, .mmd, .md) beside
/// it. Exits like `replay` (1: the recorded violation reproduced), so both agree on the same schedule.
/// </summary>
public static class TraceCommand
{
    public static Command Create(CliOutput output) =>
        ScheduleCommand.Create(
            "trace",
            "Print a schedule's canonical trace and write it as text, Mermaid and Markdown beside it",
            output,
            (replay, _, writer) => writer.Write(TraceTextRenderer.Render(replay.Trace)));
}
