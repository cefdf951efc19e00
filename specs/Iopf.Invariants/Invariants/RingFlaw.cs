namespace Iopf.Invariants;

/// <summary>How a ring's index arithmetic is (deliberately) broken in a twin of <see cref="RingIndexArithmetic"/>.</summary>
public enum RingFlaw
{
    /// <summary>The arithmetic of <see cref="Iopf.Protocol.Queues.RingQueue"/>: full is occupancy == capacity.</summary>
    None,

    /// <summary>Full is occupancy == capacity + 1, as RingQueue's fullCheckOffByOne mutant: a full ring accepts one more push.</summary>
    FullCheckOffByOne,

    /// <summary>Head and tail are kept only to log2(capacity) bits, so a full ring cannot be told from an empty one.</summary>
    MaskedCounters,
}
