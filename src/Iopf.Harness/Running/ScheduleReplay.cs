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
        ExplorationOutcome outcome;
        CanonicalTrace trace;
        try
        {
            (outcome, trace) = TracedReplay.Run(schedule.Resolve(), schedule.Budget, schedule.CoyoteTrace);
        }
        catch (Exception e) when (e is not ScheduleException)
        {
            // Coyote rejects a trace it cannot parse (edited steps, unknown settings) with its own exception.
            throw new ScheduleException($"{schedulePath}: Coyote cannot replay the recorded trace: {e.Message.ReplaceLineEndings(" ").Trim()}");
        }

        // The model is the one the schedule was recorded against (same fingerprint) and replay is deterministic,
        // so a faithful schedule always ends in its recorded verdict: anything else means the file was altered.
        if (outcome.ViolatedProperty != schedule.ViolatedProperty || outcome.Verdict != schedule.Verdict)
        {
            // Name what happened instead; "NoDoubleCopy instead" of NoDoubleCopy would say nothing.
            var got = outcome.Holds ? "every property held"
                : outcome.ViolatedProperty == schedule.ViolatedProperty ? $"another {outcome.ViolatedProperty} violation: {outcome.Verdict}"
                : $"{outcome.ViolatedProperty} instead";

            // The header has no checksum, so which part was edited is unknown: name every part replay depends on.
            throw new ScheduleException($"{schedulePath}: the schedule does not reproduce its recorded {schedule.ViolatedProperty} violation ({got}); the file was altered after recording (its world, mutants or Coyote trace)");
        }

        return new ScheduleReplay(schedulePath, schedule, outcome, trace);
    }

    /// <summary>Stages the text trace, Mermaid diagram and Markdown report beside the schedule.</summary>
    public StagedFiles StageTrace()
    {
        var files = new StagedFiles();
        CounterexampleFiles.StageTrace(files, SchedulePath, Trace, Schedule);
        return files;
    }
}
