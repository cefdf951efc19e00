using Iopf.Harness.Output;
using Iopf.Models.Exploration;
using Iopf.Models.Tracing;

namespace Iopf.Harness.Running;

/// <summary>A schedule file read, checked against this build, and replayed with the trace recorder.</summary>
public sealed record ScheduleReplay(string SchedulePath, ScheduleFile Schedule, ExplorationOutcome Outcome, CanonicalTrace Trace)
{
    public static ScheduleReplay Run(string schedulePath)
    {
        var schedule = ScheduleFile.Load(schedulePath);
        schedule.EnsureRecordedAgainst(ModelFingerprint.Current, schedulePath);
        try
        {
            var (outcome, trace) = TracedReplay.Run(schedule.Resolve(), schedule.Budget, schedule.CoyoteTrace);
            return new ScheduleReplay(schedulePath, schedule, outcome, trace);
        }
        catch (Exception e) when (e is not ScheduleException)
        {
            // Coyote rejects a trace it cannot follow (edited steps, settings it does not know) with its own exception.
            throw new ScheduleException($"{schedulePath}: Coyote cannot replay the recorded trace: {e.Message.ReplaceLineEndings(" ").Trim()}");
        }
    }

    /// <summary>Stages the text trace, Mermaid diagram and Markdown report beside the schedule.</summary>
    public StagedFiles StageTrace()
    {
        var files = new StagedFiles();
        CounterexampleFiles.StageTrace(files, SchedulePath, Trace, Schedule.ModelFingerprint);
        return files;
    }
}
