namespace Iopf.Protocol.Messages;

/// <summary>A message one party sends another. Plain data: the actors carry them, the explorer queues them.</summary>
public abstract record Message;

/// <summary>Device to itself: issue the next payload of the workload (a separate scheduling step per DMA).</summary>
public sealed record IssueNextDma : Message;

/// <summary>Device to IOMMU: ATS translation request. Job is the waiting DMA, or -1 for an ATC refresh after a completion.</summary>
public sealed record TranslationRequest(int Function, ulong Page, int Job) : Message;

/// <summary>IOMMU to device: the translation, or Frame = null when the guest page is not present (an IOPF).</summary>
public sealed record TranslationResponse(int Function, ulong Page, int Job, int? Frame) : Message;

/// <summary>
/// IOMMU to itself, when translation completions may pass each other: one of the completions it has computed
/// leaves for the device (the step's choice picks which).
/// </summary>
public sealed record ReleaseTranslation : Message;

/// <summary>Device to itself: second half of a fault report (normally: publish the fault descriptor after the buffer location).</summary>
public sealed record FinishFaultReport(int Sequence) : Message;

/// <summary>Device to driver: interrupt, the IO page fault queue has entries.</summary>
public sealed record FaultInterrupt : Message;

/// <summary>Driver to VMM: make guest page Page of VM Vm present for fault Sequence.</summary>
public sealed record ResolveFault(int Sequence, int Vm, ulong Page) : Message;

/// <summary>VMM to driver: the page of fault Sequence is present, mapped and pinned.</summary>
public sealed record PageReady(int Sequence, int Frame) : Message;

/// <summary>
/// VMM to driver: the page of fault Sequence cannot be made present (its GPA is beyond the VM's memory), so
/// the fault must be answered with a failure, not resolved.
/// </summary>
public sealed record PageUnavailable(int Sequence) : Message;

/// <summary>Driver to VMM: copy the payload of fault Sequence from fault buffer Buffer into the guest page (Buffer -1: nothing to copy, release the page).</summary>
public sealed record CopyPayload(int Sequence, int Buffer, int Vm, ulong Gpa, int Length) : Message;

/// <summary>VMM to driver: the copy of fault Sequence is done.</summary>
public sealed record CopyDone(int Sequence) : Message;

/// <summary>Driver to device: doorbell, the completion queue has entries.</summary>
public sealed record CompletionDoorbell : Message;

/// <summary>VMM to IOMMU: install the translation of a guest page.</summary>
public sealed record MapPage(int Function, ulong Page, int Frame, int Token) : Message;

/// <summary>IOMMU to VMM: translation Token installed.</summary>
public sealed record MapDone(int Token) : Message;

/// <summary>VMM to IOMMU: remove the translation of a guest page (eviction).</summary>
public sealed record UnmapPage(int Function, ulong Page, int Token) : Message;

/// <summary>IOMMU to VMM: translation removed and every device TLB invalidated.</summary>
public sealed record UnmapDone(int Token) : Message;

/// <summary>IOMMU to device: drop the ATC entry of a guest page.</summary>
public sealed record AtcInvalidate(int Function, ulong Page, int Token) : Message;

/// <summary>
/// Device to IOMMU, through the link: the ATS Invalidate Completion, the ATC entry is gone. It is a posted
/// message, so on the link it cannot pass the device's earlier posted writes.
/// </summary>
public sealed record AtcInvalidateAck(int Token) : Message;

/// <summary>
/// Device to the link: a translated DMA write on its way to host frame Frame, issued with the ATC's (or the
/// IOMMU's) translation at that moment. It lands when the link delivers it, possibly after that translation was
/// invalidated: the write is in flight, not done.
/// </summary>
public sealed record PostedWrite(int Vm, ulong Gpa, int Frame, int PayloadId, int Length) : Message;

/// <summary>The two rings the device produces into.</summary>
public enum DeviceRing
{
    IopfQueue,
    FaultBufferQueue,
}

/// <summary>
/// Device to the link (split publication only): the write of one descriptor into slot Index of a device ring, on its
/// way to pinned memory. Until it lands the slot holds what it held before.
/// </summary>
public sealed record RingSlotWrite(DeviceRing Ring, uint Index, UInt128 Word) : Message
{
    // Descriptors read as hex in traces, as every descriptor dump does.
    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Ring = {Ring}, Index = {Index}, Word = 0x{Word:x32}");
        return true;
    }
}

/// <summary>
/// Device to the link, or to itself where the index may pass the slot (split publication only): a device ring's
/// producer index moves to Tail, and the driver may see it (and, for the IO page fault queue, be interrupted).
/// </summary>
public sealed record RingIndexPublish(DeviceRing Ring, uint Tail) : Message;

/// <summary>Driver to itself (split publication only): read the slot at the IO page fault queue's head, the step after reading the producer index.</summary>
public sealed record ReadQueueSlot : Message;

/// <summary>Guest VM to itself: time to apply memory pressure once more.</summary>
public sealed record GuestTick : Message;

/// <summary>Guest VM to VMM: reclaim one of this VM's resident pages (Choice picks which, modulo the candidates).</summary>
public sealed record MemoryPressure(int Vm, int Choice) : Message;

/// <summary>
/// Guest VM to itself, once, when the world tears the VM down: the moment its owner destroys it (unbind, FLR, VM
/// destroy) is the scheduler's, so the teardown races everything in flight.
/// </summary>
public sealed record DestroyVm : Message;

/// <summary>Guest VM to VMM: tear VM Vm down, then reuse its function and VM id for a new VM.</summary>
public sealed record TearDownVm(int Vm) : Message;

/// <summary>VMM to device: stop function Function's DMA (its driver quiesces it); outstanding faults stay outstanding.</summary>
public sealed record StopDma(int Function) : Message;

/// <summary>
/// Device to VMM, through the link: function Function issues no more DMA and none of its fault reports is half
/// written. Posted, so it reaches the VMM behind every write the function issued before it.
/// </summary>
public sealed record DmaStopped(int Function) : Message;

/// <summary>VMM to driver: answer every fault of function Function still queued or in hand (the PASID/function is detached), then say so.</summary>
public sealed record DrainFaults(int Function) : Message;

/// <summary>Driver to VMM: the IO page fault queue holds no fault of function Function and none is in hand; each was answered.</summary>
public sealed record FaultsDrained(int Function) : Message;

/// <summary>VMM to device: Function Level Reset of Function; the function forgets whatever page requests it still has outstanding.</summary>
public sealed record ResetFunction(int Function) : Message;

/// <summary>Device to VMM: function Function has been reset.</summary>
public sealed record FunctionReset(int Function) : Message;

/// <summary>VMM to IOMMU: remove every translation of function Function (its context/PASID entry is torn down).</summary>
public sealed record DetachFunction(int Function) : Message;

/// <summary>IOMMU to VMM: function Function has no translation left.</summary>
public sealed record FunctionDetached(int Function) : Message;
