using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;

namespace Iopf.Exhaustive;

/// <summary>What kind of wrong the explorer found.</summary>
public enum ViolationKind
{
    /// <summary>A property checker rejected an observation of the last step.</summary>
    Safety,

    /// <summary>The last step's step function threw (the protocol reached a state its code declares impossible).</summary>
    ProtocolError,

    /// <summary>No message is in flight any more, yet a liveness property still owes something (a deadlock or a loss).</summary>
    QuiescentWithObligation,

    /// <summary>From the last state no quiescent state without obligations can be reached at all (a livelock).</summary>
    CompletionUnreachable,
}

/// <summary>One step of a path: which party took which message (with the guest's choice), and what it produced.</summary>
public sealed record TraceStep(int Number, string Party, Message Message, int? Choice, IReadOnlyList<Observation> Observations, IReadOnlyList<Envelope> Sends, string? Exception);

/// <summary>
/// A violation with the path that leads to it from the initial state; breadth-first, so no shorter path exists.
/// Path is the explorer's own record of it, (slot, choice) per step, which <see cref="PathReplayer.Check"/> replays.
/// </summary>
public sealed record Counterexample(ViolationKind Kind, string Property, string Verdict, IReadOnlyList<TraceStep> Steps, IReadOnlyList<(int Slot, int Choice)> Path)
{
    public int Length => Steps.Count;
}
