using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;

namespace Iopf.Protocol.Parties;

/// <summary>A payload parked in a fault buffer, waiting for its fault to be resolved.</summary>
/// <remarks>DescriptorFunction is the function id the device wrote into the fault descriptor (normally Payload.Vm).</remarks>
public sealed record OutstandingFault(int Sequence, Payload Payload, int Buffer, int DescriptorFunction);

/// <summary>
/// The device's private state: its device TLB (ATC), DMAs waiting for a translation, payloads held back by
/// back-pressure, and the faults it has reported but not yet seen completed.
/// </summary>
public sealed class DeviceState
{
    /// <summary>Index of the next payload of the workload to issue.</summary>
    public int NextPayload { get; set; }

    /// <summary>Device TLB: (function, guest page) → host frame.</summary>
    public SortedDictionary<(int Function, ulong Page), int> Atc { get; init; } = [];

    /// <summary>DMAs waiting for a translation response, by job (= payload id).</summary>
    public SortedDictionary<int, Payload> AwaitingTranslation { get; init; } = [];

    /// <summary>DMAs whose translation was requested before an invalidation of their page: their answer is stale.</summary>
    public SortedSet<int> Overtaken { get; init; } = [];

    /// <summary>ATC refreshes asked of the IOMMU and not yet answered, per page.</summary>
    public SortedDictionary<(int Function, ulong Page), int> RefreshesInFlight { get; init; } = [];

    /// <summary>How many of a page's refreshes in flight were asked before its latest invalidation (their answers are stale).</summary>
    public SortedDictionary<(int Function, ulong Page), int> StaleRefreshes { get; init; } = [];

    /// <summary>Payloads that need a fault buffer but none (or no queue slot) is free: back-pressure, in order.</summary>
    public List<Payload> Stalled { get; init; } = [];

    /// <summary>Faults whose report is half written (one of its two descriptors is still to be pushed).</summary>
    public SortedSet<int> Unpublished { get; init; } = [];

    /// <summary>Faults reported and not yet completed, by sequence number.</summary>
    public SortedDictionary<int, OutstandingFault> Outstanding { get; init; } = [];

    /// <summary>Page-request designs: DMAs whose in-flight translation answer must be ignored (they are held and retried in order).</summary>
    public SortedSet<int> Recalled { get; init; } = [];

    /// <summary>Skip-to-next design: how many buffers each payload has skipped so far.</summary>
    public SortedDictionary<int, int> Relocations { get; init; } = [];

    /// <summary>Functions whose DMA was stopped for a teardown: they issue nothing more, and translations for them are dropped.</summary>
    public SortedSet<int> Stopped { get; init; } = [];

    /// <summary>Stopped functions whose stop is acknowledged only once their half-written fault report is published.</summary>
    public SortedSet<int> StopAckOwed { get; init; } = [];

    /// <summary>Next fault sequence number (16-bit field: wraps).</summary>
    public int NextSequence { get; set; }

    /// <summary>Function id written into the previous fault descriptor (only the WrongVmInDescriptor mutant reads it).</summary>
    public int LastFaultFunction { get; set; }

    /// <summary>Device steps taken while at least one payload was held back: the design's stall cost.</summary>
    public int StallSteps { get; set; }

    /// <summary>Most payloads held at once, in fault buffers or device hold slots: the design's buffer cost.</summary>
    public int PeakHeld { get; set; }

    public DeviceState Clone() => new()
    {
        NextPayload = NextPayload,
        Atc = new(Atc),
        AwaitingTranslation = new(AwaitingTranslation),
        Overtaken = new(Overtaken),
        RefreshesInFlight = new(RefreshesInFlight),
        StaleRefreshes = new(StaleRefreshes),
        Stalled = [.. Stalled],
        Unpublished = new(Unpublished),
        Outstanding = new(Outstanding),
        Recalled = new(Recalled),
        Relocations = new(Relocations),
        Stopped = new(Stopped),
        StopAckOwed = new(StopAckOwed),
        NextSequence = NextSequence,
        LastFaultFunction = LastFaultFunction,
        StallSteps = StallSteps,
        PeakHeld = PeakHeld,
    };

    /// <summary>
    /// Holds a payload back, in issue order (payload ids grow in issue order): a payload held late, after
    /// waiting for its translation, must still go before younger ones to the same page (found by this model).
    /// </summary>
    public void Hold(Payload p)
    {
        var index = Stalled.FindIndex(q => q.Id > p.Id);
        Stalled.Insert(index < 0 ? Stalled.Count : index, p);
    }

    /// <summary>True while an older payload for this page sits in a fault buffer or is held back, so a new DMA must queue behind it.</summary>
    public bool PageHasPendingFault(int vm, ulong page, ulong pageSize) =>
        Outstanding.Values.Any(f => f.Payload.Vm == vm && f.Payload.Page(pageSize) == page)
        || Stalled.Any(p => p.Vm == vm && p.Page(pageSize) == page);
}
