using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;

namespace Iopf.Protocol.Parties;

/// <summary>One guest page as the VMM sees it: resident in a host frame or swapped out, and pinned while a fault on it is being served.</summary>
public sealed record PageEntry(int? Frame, bool Pinned);

/// <summary>What the VMM is in the middle of; it serves one resolution or eviction at a time.</summary>
public abstract record VmmOperation;

/// <summary>Making Page present for fault Sequence. Victim is the page being evicted for it, if any.</summary>
public sealed record ResolvingOp(int Sequence, GuestPage Page, GuestPage? Victim, int? Frame) : VmmOperation;

/// <summary>Reclaiming Victim under memory pressure.</summary>
public sealed record EvictingOp(GuestPage Victim) : VmmOperation;

/// <summary>Where a VM's teardown is (each phase waits for the acknowledgement of the step it started).</summary>
public enum TeardownPhase
{
    StoppingDma,
    DrainingFaults,
    ResettingFunction,
    Detaching,
    Done,
}

/// <summary>The teardown of VM Vm (generation <see cref="Vmm.OldGeneration"/>) and how far it has got.</summary>
public sealed record TeardownProgress(int Vm, TeardownPhase Phase);

/// <summary>
/// The VMM's state: guest page tables, the backing store of swapped-out pages, the free host frames, and
/// the operation in progress with the requests queued behind it.
/// </summary>
public sealed class VmmState
{
    public SortedDictionary<GuestPage, PageEntry> Pages { get; init; } = [];

    public SortedDictionary<GuestPage, PageContent> Swap { get; init; } = [];

    public SortedSet<int> FreeFrames { get; init; } = [];

    /// <summary>The frame each resolved fault was given, for its copy.</summary>
    public SortedDictionary<int, int> ReadyFrames { get; init; } = [];

    public VmmOperation? Current { get; set; }

    public Queue<Message> Waiting { get; init; } = new();

    /// <summary>Clock hand of the victim selection, so successive evictions pick different pages.</summary>
    public int ClockHand { get; set; }

    public int NextToken { get; set; }

    /// <summary>The VM teardown in progress or done, if the world has one.</summary>
    public TeardownProgress? Teardown { get; set; }

    /// <summary>Copies of payloads out of fault buffers, for the cost figures.</summary>
    public int Copies { get; set; }

    public VmmState Clone() => new()
    {
        Pages = new(Pages),
        Swap = new(Swap.ToDictionary(kv => kv.Key, kv => kv.Value.Clone())),
        FreeFrames = new(FreeFrames),
        ReadyFrames = new(ReadyFrames),
        Current = Current,
        Waiting = new(Waiting),
        ClockHand = ClockHand,
        NextToken = NextToken,
        Teardown = Teardown,
        Copies = Copies,
    };
}
