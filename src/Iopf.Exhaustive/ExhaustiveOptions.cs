namespace Iopf.Exhaustive;

/// <summary>How far the exhaustive search may go, and which liveness checks it runs.</summary>
public sealed record ExhaustiveOptions
{
    /// <summary>Stop (and say so) once this many distinct states are stored.</summary>
    public int MaxStates { get; init; } = 20_000_000;

    /// <summary>
    /// Do not expand states at this depth (they are still stored and checked), so every violation with a path
    /// of at most this many steps is found. Null: no depth bound.
    /// </summary>
    public int? MaxDepth { get; init; }

    /// <summary>
    /// After a complete, violation-free search: check, by a reverse reachability pass over the stored graph,
    /// that from every reachable state some quiescent state without obligations is still reachable.
    /// </summary>
    public bool CheckCompletionReachable { get; init; } = true;
}
