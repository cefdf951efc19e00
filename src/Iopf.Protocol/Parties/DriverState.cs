using Iopf.Protocol.Descriptors;

namespace Iopf.Protocol.Parties;

/// <summary>The fault the driver is working on (it handles one at a time, in queue order).</summary>
/// <remarks>
/// Frame is the host frame the VMM resolved the page to, once known (carried in the completion). Request is the IO
/// page fault queue entry as read, in the world's format family: a real family's response is built from it.
/// </remarks>
public sealed record DriverWork(FaultDescriptor Fault, int Buffer, int? Frame = null, UInt128 Request = default);

public sealed class DriverState
{
    public DriverWork? Current { get; set; }

    /// <summary>
    /// Fault descriptors the driver saw published when it last read the producer index and has not taken yet. Only
    /// a driver that drains to that snapshot (<see cref="Rules.QueueDrain.DrainWithoutReread"/>) keeps it: the
    /// correct driver reads the index again instead of trusting an old one, so it keeps 0 (a count it never
    /// consults would only split states that behave alike).
    /// </summary>
    public int KnownEntries { get; set; }

    /// <summary>
    /// An interrupt came while the driver was busy, so its handler runs once more when this run ends (Linux marks a
    /// running threaded handler to run again). Only a driver that may stop before the queue is empty consults it;
    /// the correct one re-reads the producer index anyway, and keeps false.
    /// </summary>
    public bool InterruptOwed { get; set; }

    /// <summary>
    /// Split publication only: the driver has read the IO page fault queue's producer index and will read the slot of
    /// this counter in its next step (<see cref="Messages.ReadQueueSlot"/>). Null when it is not between the two reads.
    /// </summary>
    public uint? ReadingSlot { get; set; }

    /// <summary>
    /// Only a driver whose slot read is performed before its index read (<see cref="Rules.QueueSlotRead.SlotBeforeIndex"/>)
    /// keeps it: what that early read returned, which it uses once the index read says the slot is published.
    /// </summary>
    public UInt128? Speculated { get; set; }

    /// <summary>Functions detached for a teardown: each of their faults the driver takes is answered Invalid Request, not resolved.</summary>
    public SortedSet<int> Detached { get; init; } = [];

    /// <summary>Detached functions whose drain waits for their last queued or in-hand fault to be answered.</summary>
    public SortedSet<int> Draining { get; init; } = [];

    public DriverState Clone() => new() { Current = Current, KnownEntries = KnownEntries, InterruptOwed = InterruptOwed, ReadingSlot = ReadingSlot, Speculated = Speculated, Detached = new(Detached), Draining = new(Draining) };
}
