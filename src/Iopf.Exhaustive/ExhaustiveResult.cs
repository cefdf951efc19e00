using System.Globalization;

namespace Iopf.Exhaustive;

/// <summary>What one exhaustive search saw, and the first (shortest) violation if there is one.</summary>
public sealed record ExhaustiveResult
{
    /// <summary>Distinct states stored (the initial one included).</summary>
    public required int States { get; init; }

    /// <summary>Steps executed (every party with a message, every choice, from every expanded state).</summary>
    public required long Transitions { get; init; }

    /// <summary>
    /// Protocol steps actually run through the core's step functions. Every other transition reused the outcome
    /// of an identical step (same party state, message, choice and reached memories) met in another interleaving.
    /// </summary>
    public required int StepsExecuted { get; init; }

    /// <summary>Breadth-first depth of the deepest state stored.</summary>
    public required int MaxDepth { get; init; }

    /// <summary>Reachable states with no message in flight.</summary>
    public required int QuiescentStates { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when every interleaving was explored (no bound hit, no violation stopped the search).</summary>
    public required bool Complete { get; init; }

    /// <summary>True when the search stopped at <see cref="ExhaustiveOptions.MaxStates"/> or <see cref="ExhaustiveOptions.MaxDepth"/> with work left.</summary>
    public required bool BoundReached { get; init; }

    /// <summary>Which bound stopped the search, in words (null when none did).</summary>
    public required string? Bound { get; init; }

    /// <summary>States from which completion is impossible; null when that pass did not run.</summary>
    public required int? CompletionUnreachableStates { get; init; }

    public required Counterexample? Violation { get; init; }

    /// <summary>The coverage points the search reached (<see cref="Protocol.Coverage.CoveragePoint.All"/> lists every one).</summary>
    public IReadOnlyList<Protocol.Coverage.CoveragePoint> Reached { get; init; } = [];

    public double StatesPerSecond => Elapsed.TotalSeconds > 0 ? States / Elapsed.TotalSeconds : 0;

    /// <summary>"all interleavings explored", or why not.</summary>
    public string Coverage =>
        Complete ? "all interleavings explored"
        : Bound is not null ? $"stopped at {Bound}"
        : "stopped at the first violation";

    /// <summary>One line of figures.</summary>
    public string Summary => string.Format(
        CultureInfo.InvariantCulture,
        "{0}: {1} states, {2} transitions ({8} protocol steps run, the rest reused), max depth {3}, {4} quiescent, {5:F2} s, {6:F0} states/s{7}",
        Coverage,
        States,
        Transitions,
        MaxDepth,
        QuiescentStates,
        Elapsed.TotalSeconds,
        StatesPerSecond,
        CompletionUnreachableStates is { } n ? $", {n} states cannot complete" : string.Empty,
        StepsExecuted);
}
