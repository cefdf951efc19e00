using Iopf.Protocol.Observations;

namespace Iopf.Exhaustive;

/// <summary>
/// What one protocol step did, in component ids: the party's new state, the shared memories it changed (-1:
/// not reached, unchanged), the messages it sent, the observations it made and which checkers read them.
/// Error holds the exception text when the step threw (a protocol error).
/// </summary>
internal sealed class StepOutcome
{
    public required int Id { get; init; }

    public required int Party { get; init; }

    public required int Pinned { get; init; }

    public required int Host { get; init; }

    /// <summary>Messages sent, in order: recipient slot and message id.</summary>
    public required (int Slot, int Message)[] Sends { get; init; }

    public required IReadOnlyList<Observation> Observations { get; init; }

    /// <summary>Bit i set: checker i observes at least one of <see cref="Observations"/>.</summary>
    public required uint Readers { get; init; }

    public string? Error { get; init; }
}
