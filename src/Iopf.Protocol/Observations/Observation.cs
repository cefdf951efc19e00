using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;

namespace Iopf.Protocol.Observations;

/// <summary>
/// A fact a step makes visible to the specifications: the property monitors see the protocol only through these.
/// </summary>
public abstract record Observation;

/// <summary>The device took a payload on (from here on it must reach its guest page, or be rejected explicitly).</summary>
public sealed record PayloadAccepted(Payload Payload) : Observation;

/// <summary>The design rejected a payload explicitly (drop / abort designs), which it must report.</summary>
public sealed record PayloadRejected(Payload Payload, string Reason) : Observation;

/// <summary>How a guest write happened: by device DMA through a translation, or by the VMM copying out of a fault buffer.</summary>
public enum WritePath
{
    Dma,
    Copy,
}

/// <summary>Bytes of payload PayloadId landed in host frame Frame, meant as VM Vm's GPA Gpa.</summary>
public sealed record GuestWrite(int Vm, ulong Gpa, int Frame, int PayloadId, int Length, WritePath Path) : Observation;

/// <summary>The device wrote a payload into fault buffer Buffer.</summary>
public sealed record FaultBufferStored(int Buffer, int PayloadId) : Observation;

/// <summary>The VMM copied fault buffer Buffer out (holding PayloadId, or null when the buffer was empty).</summary>
public sealed record FaultBufferCopied(int Buffer, int? PayloadId) : Observation;

/// <summary>The device returned fault buffer Buffer to the pool (whether that was right is the properties' to judge).</summary>
public sealed record FaultBufferFreed(int Buffer) : Observation;

/// <summary>
/// A producer pushed Descriptor onto ring Queue at its producer index Index (free-running; the slot is Index mod
/// Capacity). RingFull: the ring's own full check refused it, so nothing was written and the index did not move.
/// What was written where, not whether that was right: the specifications judge.
/// </summary>
public sealed record QueuePush(string Queue, uint Index, int Capacity, UInt128 Descriptor, bool RingFull) : Observation
{
    public override string ToString() =>
        $"QueuePush {{ Queue = {Queue}, Index = {Index}, Capacity = {Capacity}, Descriptor = 0x{Descriptor:x32}, RingFull = {RingFull} }}";
}

/// <summary>
/// A consumer read ring Queue at its consumer index Index and found Descriptor there, or nothing (null): the
/// producer index had not passed Index, though the consumer was told a descriptor was published there.
/// </summary>
public sealed record DescriptorRead(string Queue, uint Index, UInt128? Descriptor, string? Layout = null) : Observation
{
    public override string ToString() =>
        $"DescriptorRead {{ Queue = {Queue}, Index = {Index}, Descriptor = {(Descriptor is { } d ? $"0x{d:x32}" : "none")} }}";
}

/// <summary>A fault descriptor became visible in the IO page fault queue.</summary>
public sealed record FaultRaised(int Sequence, int Vm, ulong Gpa, int Buffer) : Observation;

/// <summary>The device consumed the completion of fault Sequence: it has been notified.</summary>
public sealed record FaultNotified(int Sequence) : Observation;

/// <summary>The VMM gave host frame Frame to a guest page, loaded with Content.</summary>
public sealed record FrameAssigned(int Frame, int Vm, ulong Page, PageContent Content) : Observation;

/// <summary>The VMM took host frame Frame back from a guest page (after unmap and invalidation).</summary>
public sealed record FrameReleased(int Frame, int Vm, ulong Page) : Observation;

/// <summary>VM Vm owns guest pages 0..Pages-1 (a fact of the initial memory map): a GPA beyond them has no backing.</summary>
public sealed record GuestMemory(int Vm, int Pages) : Observation;

/// <summary>
/// The device popped a completion and read its identifying fields (the fault sequence, function and buffer it
/// names) and its status, whatever it then did with it.
/// </summary>
public sealed record CompletionConsumed(int Sequence, int FunctionId, int Buffer, CompletionStatus Status) : Observation;

/// <summary>
/// A fault report for a payload was discarded at the named queue because the queue was full or its overflow flag was
/// set (the flag is set by this report when the queue was full). What became of the payload is for the specifications.
/// </summary>
public sealed record FaultReportDiscarded(int PayloadId, string Queue) : Observation;

/// <summary>The driver cleared (re-armed) the named queue's overflow flag; new reports are accepted again.</summary>
public sealed record QueueOverflowCleared(string Queue) : Observation;

/// <summary>Generation Generation of VM Vm is being torn down: its function's DMA is to stop and its outstanding faults to be answered.</summary>
public sealed record VmTeardownStarted(int Vm, int Generation) : Observation;

/// <summary>Generation Generation of VM Vm is gone: its frames are released and its function and VM id are free for reuse.</summary>
public sealed record VmTornDown(int Vm, int Generation) : Observation;

/// <summary>
/// A new VM, generation Generation, now holds VM id Vm and its function; every guest page starts not present. The frames
/// handed to pages of Vm from here on are this generation's.
/// </summary>
public sealed record VmCreated(int Vm, int Generation) : Observation;
