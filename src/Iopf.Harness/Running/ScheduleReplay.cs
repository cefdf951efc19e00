using Iopf.Exhaustive;
using Iopf.Harness.Output;
using Iopf.Models.Exploration;
using Iopf.Models.Tracing;

namespace Iopf.Harness.Running;

/// <summary>
/// A schedule file read, checked against this build, and replayed: a Coyote schedule (`run`, `verify`,
/// `mutants`) with the trace recorder attached, an exhaustive one (`exhaustive`) by re-running its path.
/// </summary>
/// <param name="Steps">What the replay took: Coyote's scheduling decisions, or the explorer's steps.</param>
/// <param name="Commands">The commands that reproduce it, verbatim from <see cref="ReplayCommands.From"/>.</param>
public sealed record ScheduleReplay(string SchedulePath, string World, IReadOnlyList<string> Mutants, string Steps, CanonicalTrace Trace, string Fingerprint, IReadOnlyList<string> Commands)
{
    public static ScheduleReplay Run(string schedulePath)
    {
        // Read once, with the schedule reader's bound and plain errors, whichever engine recorded it.
        var text = ScheduleFile.ReadText(schedulePath);
        if (ExhaustiveSchedule.IsOne(text))
        {
            return RunExhaustive(schedulePath, text);
        }

        var schedule = ScheduleFile.Parse(text, schedulePath);
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

        return new ScheduleReplay(
            schedulePath,
            schedule.World.Name,
            [.. schedule.Mutants.Select(m => m.ToString())],
            $"{outcome.StepsInBugTrace} scheduling decisions",
            trace,
            schedule.ModelFingerprint,
            CounterexampleFiles.Commands(schedulePath, schedule));
    }

    private static ScheduleReplay RunExhaustive(string schedulePath, string text)
    {
        var schedule = ExhaustiveSchedule.Parse(text, schedulePath);
        if (schedule.EngineFingerprint != ExhaustiveSchedule.CurrentFingerprint)
        {
            throw new ScheduleException($"{schedulePath}: recorded against another engine version (schedule {schedule.EngineFingerprint}, this build {ExhaustiveSchedule.CurrentFingerprint}); record it again with `iopf exhaustive`");
        }

        var config = schedule.Resolve().Config;
        (ViolationKind Kind, string Property, string Verdict)? ending;
        try
        {
            ending = PathReplayer.Check(config, schedule.Path);
        }
        catch (ArgumentException e)
        {
            throw new ScheduleException($"{schedulePath}: the recorded path cannot be replayed: {e.Message}; the schedule was altered");
        }

        // A CompletionUnreachable path ends in a state only a search can judge (Check gives null there).
        var reproduced = schedule.Kind == ViolationKind.CompletionUnreachable
            ? ending is null
            : ending is { } e2 && e2.Kind == schedule.Kind && e2.Property == schedule.ViolatedProperty && (e2.Kind == ViolationKind.ProtocolError || e2.Verdict == schedule.Verdict);
        if (!reproduced)
        {
            var got = ending is { } g ? $"{g.Property} ({g.Kind}) instead" : "no violation at its end";
            throw new ScheduleException($"{schedulePath}: the path does not reproduce its recorded {schedule.ViolatedProperty} violation ({got}); the schedule was altered");
        }

        var mutants = schedule.Mutants.Select(m => m.ToString()).ToList();
        var steps = PathReplayer.Replay(config, schedule.Path).Steps;
        var trace = ExhaustiveTrace.Of(schedule.World.Name, mutants, steps, schedule.Kind, schedule.ViolatedProperty, schedule.Verdict);
        return new ScheduleReplay(schedulePath, schedule.World.Name, mutants, $"{schedule.Path.Count} explorer steps", trace, schedule.EngineFingerprint, [ReplayCommands.Iopf("replay", schedulePath)]);
    }

    /// <summary>Stages the text trace, Mermaid diagram and Markdown report beside the schedule, or into outDirectory.</summary>
    public StagedFiles StageTrace(string? outDirectory)
    {
        var files = new StagedFiles(outDirectory ?? Path.GetDirectoryName(Path.GetFullPath(SchedulePath))!);
        CounterexampleFiles.StageTrace(files, SchedulePath, Trace, Fingerprint, Commands, outDirectory);
        return files;
    }
}
