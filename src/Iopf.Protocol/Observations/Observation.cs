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

/// <summary>A descriptor was pushed to ring Queue, leaving CountAfter entries of Capacity.</summary>
public sealed record QueueWrite(string Queue, int CountAfter, int Capacity) : Observation;

/// <summary>A fault descriptor became visible in the IO page fault queue.</summary>
public sealed record FaultRaised(int Sequence, int Vm, ulong Gpa, int Buffer) : Observation;

/// <summary>The driver found a fault descriptor whose buffer-location descriptor was not (yet) in the fault buffer queue.</summary>
public sealed record LocationMissing(int Sequence, string Detail) : Observation;

/// <summary>The device consumed the completion of fault Sequence: it has been notified.</summary>
public sealed record FaultNotified(int Sequence) : Observation;

/// <summary>The VMM gave host frame Frame to a guest page, loaded with Content.</summary>
public sealed record FrameAssigned(int Frame, int Vm, ulong Page, PageContent Content) : Observation;

/// <summary>The VMM took host frame Frame back from a guest page (after unmap and invalidation).</summary>
public sealed record FrameReleased(int Frame, int Vm, ulong Page) : Observation;

/// <summary>A push onto ring Queue was refused because it was full: the descriptor did not get through.</summary>
public sealed record QueuePushRefused(string Queue) : Observation;

/// <summary>VM Vm owns guest pages 0..Pages-1 (a fact of the initial memory map): a GPA beyond them has no backing.</summary>
public sealed record GuestMemory(int Vm, int Pages) : Observation;

/// <summary>
/// The device popped a completion and read its identifying fields (the fault sequence, function and buffer it
/// names) and its status, whatever it then did with it.
/// </summary>
public sealed record CompletionConsumed(int Sequence, int FunctionId, int Buffer, CompletionStatus Status) : Observation;
