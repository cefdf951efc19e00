using Iopf.Models.Exploration;
using Iopf.Worlds;
using Iopf.Worlds.Sampling;

namespace Iopf.Models.Tracing;

/// <summary>
/// Replays one schedule with a <see cref="TraceRecorder"/> attached and turns what it saw into a
/// <see cref="CanonicalTrace"/>. Exploration runs without the recorder (it would slow every schedule); the
/// one schedule worth reading is replayed afterwards, so `run` and `replay` produce the same trace.
/// </summary>
public static class TracedReplay
{
    public static (ExplorationOutcome Outcome, CanonicalTrace Trace) Run(WorldDefinition world, ExplorationBudget budget, string coyoteTrace)
    {
        TraceRecorder? recorder = null;
        var outcome = Explorer.Replay(world, budget, coyoteTrace, runtime =>
        {
            // Called once per iteration; a replay has one, but keep only the last to be safe.
            recorder = new TraceRecorder();
            runtime.RegisterLog(recorder);
        });

        var entries = recorder?.Entries ?? [];
        var obligation = outcome.ViolatedProperty is { } property && IsLiveness(outcome.Verdict)
            ? recorder?.ObligationOf(property)
            : null;
        var verdict = new TraceVerdict(outcome.ViolatedProperty, outcome.Verdict, obligation);
        var trace = new CanonicalTrace(world.Name, [.. world.Mutants.Select(m => m.Name).Order(StringComparer.Ordinal)], entries, verdict);
        return (outcome, trace);
    }

    private static bool IsLiveness(string? verdict) =>
        verdict is not null && verdict.Contains("liveness", StringComparison.Ordinal);
}
