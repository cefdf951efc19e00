using Iopf.Models.Exploration;
using Iopf.Models.Tracing;

namespace Iopf.Harness.Running;

/// <summary>What exploring one world gave: the merged outcome, the traced counterexample if any, and how long it took.</summary>
public sealed record WorldResult(WorldRun Run, ExplorationOutcome Outcome, int Shards, ScheduleFile? Schedule, CanonicalTrace? Trace, TimeSpan Elapsed)
{
    /// <summary>The schedule's file name inside the out directory, when a property was violated.</summary>
    public string? ScheduleFileName => Schedule is null ? null : Output.CounterexampleFiles.ScheduleName(Schedule.World.Name);
}
