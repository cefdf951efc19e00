namespace Iopf.Protocol.Rules;

// The protocol's decision points. Each enum is one place where a device, driver, IOMMU or VMM could do
// otherwise; its FIRST value is what the protocol requires (the default of ProtocolRules), every other
// value is a way a real implementation gets it wrong. The mutant table names which choice each mutant takes.

/// <summary>Claimed design, device: what happens to a faulting DMA when every fault buffer is held.</summary>
[Mechanism(Mechanisms.FaultBuffers)]
public enum NoFreeFaultBuffer
{
    /// <summary>Hold the payload back until a buffer is freed (back-pressure).</summary>
    BackPressure,

    /// <summary>Accept the payload and silently drop it.</summary>
    Drop,
}

/// <summary>Device: a DMA to a page that still has an older payload waiting in a fault buffer.</summary>
[Mechanism(Mechanisms.FaultBuffers)]
public enum DmaBehindBufferedFault
{
    /// <summary>Queue it behind the older payload, so the older one's copy cannot overwrite it.</summary>
    QueueBehind,

    /// <summary>Write it straight to the page; the older payload's later copy overwrites it.</summary>
    WriteDirect,
}

/// <summary>
/// Device: a translation answer that arrives while an older DMA to the same page still waits for its own
/// (translation completions may pass each other).
/// </summary>
[Mechanism(Mechanisms.Reordering)]
public enum TranslationAnswerOrder
{
    /// <summary>Keep the DMA stream's order: ask again, so the answer is acted on only after the older one's.</summary>
    KeepIssueOrder,

    /// <summary>Act on it at once: the younger write may land first, and the older one's later write or copy overwrites it.</summary>
    ActOnArrival,
}

/// <summary>Device: a translation answer that was requested before an invalidation of its page and arrived after it.</summary>
[Mechanism(Mechanisms.Reordering)]
public enum InvalidatedTranslation
{
    /// <summary>Discard it: an ATC refresh is dropped, a waiting DMA asks again.</summary>
    Retranslate,

    /// <summary>Use it: the DMA writes, or the ATC caches, a frame the VMM may already have given to another page.</summary>
    Use,
}

/// <summary>Device, after a completion: how the ATC learns the page's translation again.</summary>
[Mechanism(Mechanisms.AtcInvalidation)]
public enum AtcRefill
{
    /// <summary>Ask the IOMMU (an ATS translation request), which answers with the mapping as it is now.</summary>
    AskIommu,

    /// <summary>Install the frame carried in the completion, which eviction may already have reclaimed.</summary>
    TrustCompletionFrame,
}

/// <summary>Device: the order of the two descriptors of one fault report.</summary>
[Mechanism(Mechanisms.DescriptorRings)]
public enum FaultDescriptorOrder
{
    /// <summary>The buffer-location descriptor first, then the fault descriptor that refers to it.</summary>
    LocationFirst,

    /// <summary>The fault descriptor first: the driver can read it before its buffer location exists.</summary>
    FaultFirst,
}

/// <summary>Device: where the function id written into a fault descriptor comes from.</summary>
[Mechanism(Mechanisms.DescriptorRings)]
public enum FaultFunctionId
{
    /// <summary>The function that issued the faulting DMA.</summary>
    CurrentFault,

    /// <summary>A value latched from the previous fault.</summary>
    PreviousFault,
}

/// <summary>Driver: when the completion of a fault is written to the completion queue and the device's doorbell rung.</summary>
[Mechanism(Mechanisms.DescriptorRings)]
public enum CompletionPublication
{
    /// <summary>Both after the VMM has copied the payload out of the fault buffer.</summary>
    AfterCopy,

    /// <summary>The completion before the copy, the doorbell after it: an earlier fault's doorbell lets the device consume it early.</summary>
    BeforeCopy,

    /// <summary>The completion and the doorbell both before the copy: the device frees the buffer too early.</summary>
    DoorbellBeforeCopy,
}

/// <summary>Driver: whether the device's doorbell is rung once the copy is done (with the completion published after the copy).</summary>
[Mechanism(Mechanisms.DescriptorRings)]
public enum DoorbellAfterCopy
{
    Ring,

    /// <summary>Never rung: the device never learns the fault completed.</summary>
    Omit,
}

/// <summary>Driver: a completion written into the last slot of the completion ring before its counters wrap.</summary>
[Mechanism(Mechanisms.DescriptorRings)]
public enum CompletionAtWrap
{
    /// <summary>Published like any other (the tail advances).</summary>
    Publish,

    /// <summary>Written but never published (the tail is not advanced).</summary>
    LoseLastSlot,
}

/// <summary>Rings: when a push is refused as full.</summary>
[Mechanism(Mechanisms.DescriptorRings)]
public enum RingFullCheck
{
    /// <summary>When capacity entries are outstanding.</summary>
    Exact,

    /// <summary>One entry too late: a push onto a full ring overwrites the oldest entry.</summary>
    OffByOne,
}

/// <summary>IOMMU, on the VMM's unmap: what happens to the device's TLB (ATC) before the unmap is acknowledged.</summary>
[Mechanism(Mechanisms.AtcInvalidation)]
public enum AtcOnUnmap
{
    /// <summary>Invalidate the ATC entry and acknowledge the unmap only once the device confirmed it.</summary>
    Invalidate,

    /// <summary>Acknowledge at once without invalidating: the device keeps a stale translation.</summary>
    Skip,

    /// <summary>Send the invalidation but acknowledge at once: the frame is reused while the device may still use the stale entry.</summary>
    AckBeforeInvalidationCompletes,
}

/// <summary>
/// Device, on an ATC invalidation: how its Invalidate Completion travels relative to the translated writes it
/// already issued with the invalidated entry (posted writes still in flight on the link).
/// </summary>
[Mechanism(Mechanisms.PostedWrites)]
public enum InvalidationCompletion
{
    /// <summary>On the link, behind those writes: it cannot pass them (PCIe posted ordering), so they land first.</summary>
    BehindPostedWrites,

    /// <summary>Around them (as from a separate completion path): the IOMMU acknowledges while writes with the stale translation are still in flight.</summary>
    OvertakesPostedWrites,
}

/// <summary>VMM: whether a resolved page is pinned until its payload has been copied in.</summary>
[Mechanism(Mechanisms.Overcommit)]
public enum ResolvedPagePinning
{
    /// <summary>Pinned from resolution to copy, so eviction cannot take it in between.</summary>
    PinUntilCopy,

    /// <summary>Not pinned: eviction can reclaim the page before the copy.</summary>
    Unpinned,
}

/// <summary>VMM: a fault on a page that is already resident (an earlier fault resolved it).</summary>
[Mechanism(Mechanisms.Overcommit)]
public enum ResidentPageFault
{
    /// <summary>Reuse the page's frame.</summary>
    ReuseFrame,

    /// <summary>Allocate a second frame for the same page, losing what the first one holds.</summary>
    AllocateAnother,
}

/// <summary>VMM: what an evicted page's content becomes.</summary>
[Mechanism(Mechanisms.Overcommit)]
public enum EvictedContent
{
    /// <summary>Saved to the backing store (swap) before the frame is released.</summary>
    SwapOut,

    /// <summary>Discarded: the page comes back empty.</summary>
    Discard,
}

/// <summary>
/// VMM: what a released frame holds when it is handed to a page that has no saved content (a page never
/// swapped out). A frame is released with the bytes its last page left in it; only the hand-over decides
/// whether the next owner sees them.
/// </summary>
[Mechanism(Mechanisms.FrameScrubbing)]
public enum ReusedFrameContent
{
    /// <summary>Zero-fill it first (as Linux hands out a page asked for with __GFP_ZERO: clear_highpage in prep_new_page): the new page reads as never written.</summary>
    ZeroFill,

    /// <summary>Hand it over as it is: the new page, possibly another VM's, holds the previous owner's bytes.</summary>
    HandOverUnscrubbed,
}

/// <summary>VMM: how many times the payload is copied from the fault buffer into the guest page.</summary>
[Mechanism(Mechanisms.FaultBuffers)]
public enum PayloadCopies
{
    /// <summary>Once, on the driver's copy call.</summary>
    Once,

    /// <summary>Twice (eagerly and again on the driver's call).</summary>
    Twice,
}

/// <summary>
/// Driver: the VMM cannot back the page of a fault (the GPA is beyond the VM's memory): what the completion
/// answers. PCIe PRI's Invalid Request says the page will never be made accessible, so the device must not retry.
/// </summary>
[Mechanism(Mechanisms.FailedResponses)]
public enum UnbackedFault
{
    /// <summary>Complete the fault with status Invalid Request; nothing is copied.</summary>
    InvalidRequest,

    /// <summary>Complete it with status Success, as if the page had been made present.</summary>
    AnswerSuccess,
}

/// <summary>Device: a completion whose status is not Success.</summary>
[Mechanism(Mechanisms.FailedResponses)]
public enum FailedCompletion
{
    /// <summary>Free the buffer and report the payload as rejected (the DMA ends in an explicit error).</summary>
    Reject,

    /// <summary>Read only the sequence number and carry on as after a Success.</summary>
    TreatAsSuccess,
}

/// <summary>Driver: how many completions it writes for one fault.</summary>
[Mechanism(Mechanisms.FailedResponses)]
public enum CompletionsPerFault
{
    Once,

    /// <summary>Twice (answered on two paths, as a retried response): the second names a fault no longer outstanding.</summary>
    Twice,
}

/// <summary>Driver: which fault the sequence field of a completion names.</summary>
[Mechanism(Mechanisms.FailedResponses)]
public enum CompletionSequence
{
    /// <summary>The sequence of the fault descriptor being answered.</summary>
    EchoFault,

    /// <summary>One past it (filled from the next expected sequence instead of the request).</summary>
    OffByOne,
}

/// <summary>
/// Driver: what it does after handling a fault, before it goes idle and waits for the next interrupt. With an edge
/// interrupt, a fault published while the queue was non-empty raises none, so only re-reading the producer index
/// finds it (Linux arm_smmu_priq_thread() loops "while (!queue_empty(llq))" after queue_sync_prod_in(); intel
/// prq_event_thread() clears the pending bit before it reads the tail).
/// </summary>
[Mechanism(Mechanisms.Interrupts)]
public enum QueueDrain
{
    /// <summary>Take every entry it knows of, then re-read the producer index and go idle only when the queue is empty.</summary>
    DrainAndReread,

    /// <summary>Take the entries the producer index showed when it was last read, then go idle without reading it again.</summary>
    DrainWithoutReread,

    /// <summary>Take one fault per interrupt and go idle after it, whatever is left in the queue.</summary>
    OneFaultPerInterrupt,
}

/// <summary>
/// Device: what becomes of a payload whose fault report the IO page fault queue discarded (overflow discipline only).
/// The VT-d specification, as issue 10 reads it (the text itself was not at hand), has the hardware answer a page
/// request it discards while PRO is set with a Page Group Response of its own, so the Function is not left waiting;
/// the Function retries the access, which faults again while the page is still not present.
/// </summary>
[Mechanism(Mechanisms.QueueOverflow)]
public enum OverflowDiscard
{
    /// <summary>The report is auto-answered; the device keeps the payload and retries its fault report later, in issue order.</summary>
    AutoRespondAndRetry,

    /// <summary>The auto-answer is taken as the end of the DMA: the payload is dropped without a reported error.</summary>
    DropSilently,
}

/// <summary>
/// Driver: when it clears (re-arms) the IO page fault queue's overflow flag. Linux prq_event_thread() clears VT-d's
/// PRO only once head equals tail (commit 28a77185f1cd "iommu/vt-d: Clear PRQ overflow only when PRQ is empty");
/// arm_smmu_priq_thread() acknowledges the PRIQ overflow flag once the queue is empty ("as we believe we're up to speed").
/// </summary>
[Mechanism(Mechanisms.QueueOverflow)]
public enum OverflowRearm
{
    /// <summary>Clear the flag when the driver finds the queue empty.</summary>
    ClearAfterDrain,

    /// <summary>Never clear it: every later report is discarded.</summary>
    NeverClear,
}

/// <summary>
/// Driver, where publication is split: the order of its reads of the IO page fault queue's producer index and of the
/// slot at its head.
/// </summary>
[Mechanism(Mechanisms.Publication)]
public enum QueueSlotRead
{
    /// <summary>Read the producer index, then (a step later) the slot it showed published.</summary>
    IndexThenSlot,

    /// <summary>
    /// The slot read is performed before the index read (a CPU speculating the address-dependent load ahead of a
    /// relaxed MMIO read), so it may return what the slot held before the write that the index then shows published.
    /// </summary>
    SlotBeforeIndex,
}

/// <summary>Driver, where the index may be published before its slot is written: what it checks before taking a slot.</summary>
[Mechanism(Mechanisms.Publication)]
public enum PublishedSlotCheck
{
    /// <summary>Take a slot only once its Valid bit is set (wait for it otherwise), and clear the slot after reading it.</summary>
    ValidBitAndClear,

    /// <summary>Take whatever the slot holds once the index says it is published.</summary>
    TrustIndex,
}

/// <summary>Driver, where publication is split: when it writes the consumer index that frees the head slot.</summary>
[Mechanism(Mechanisms.Publication)]
public enum SlotRelease
{
    /// <summary>After the slot has been read.</summary>
    AfterRead,

    /// <summary>Before the slot is read (no barrier between the read and the consumer index write), so the producer may overwrite it first.</summary>
    BeforeRead,
}

/// <summary>
/// Device: how it acknowledges that a function's DMA has stopped. Linux pcie_flr() (drivers/pci/pci.c) first waits for
/// the function's pending transactions (pci_wait_for_pending_transaction(), "timed out waiting for pending transaction;
/// performing function level reset anyway"); here the acknowledgement is a posted message on the link, so it cannot pass
/// the function's earlier writes, as the ATS Invalidate Completion cannot.
/// </summary>
[Mechanism(Mechanisms.Teardown)]
public enum StopAcknowledgement
{
    /// <summary>On the link, behind every write the function issued before it.</summary>
    BehindPostedWrites,

    /// <summary>Around the link: the VMM may release and reuse the VM's frames while one of its writes is still on its way.</summary>
    OvertakesPostedWrites,
}

/// <summary>
/// VMM: the order of a VM's teardown once its function's DMA has stopped. Linux intel_iommu_drain_pasid_prq() (drivers/iommu/intel/prq.c)
/// "waits until all pending page requests for @pasid in the page fault queue are completed by the prq handling thread", and
/// is called after the device driver has stopped DMA and before the PASID goes back for reuse.
/// </summary>
[Mechanism(Mechanisms.Teardown)]
public enum TeardownOrder
{
    /// <summary>Drain the function's faults (each answered), then reset the function, detach it and reuse the VM id.</summary>
    DrainThenReset,

    /// <summary>Reset the function and reuse the VM id at once: faults of the old VM still queued are handled afterwards, for the new one.</summary>
    ResetBeforeDrain,
}

/// <summary>
/// Driver: what it does with a fault of a function being torn down (detached). Linux iopf_queue_remove_device()
/// (drivers/iommu/io-pgfault.c): "Respond to all outstanding page requests with IOMMU_PAGE_RESP_INVALID, indicating the
/// device should not retry"; its earlier versions only freed the partial faults ("Just in case some faults are still stuck").
/// </summary>
[Mechanism(Mechanisms.Teardown)]
public enum DetachedFault
{
    /// <summary>Answer it Invalid Request without resolving it: the device ends the DMA with an error and frees its buffer.</summary>
    AnswerInvalid,

    /// <summary>Discard it unanswered: the device never learns, and the function reset forgets it with its buffer still held.</summary>
    DiscardUnanswered,
}

/// <summary>
/// Driver: when it tells a waiting drain that the function's faults are gone. Linux prq_event_thread() completes
/// iommu->prq_complete after it has handled the queue, which intel_iommu_drain_pasid_prq() waits for before it looks again.
/// </summary>
[Mechanism(Mechanisms.Teardown)]
public enum DrainWakeup
{
    /// <summary>Check again after every fault it finishes, and answer the drain as soon as none of the function's is left.</summary>
    RecheckAfterEachFault,

    /// <summary>Check only when the drain is asked: a drain that had to wait is never answered.</summary>
    CheckOnlyWhenAsked,
}

/// <summary>
/// VMM: what backs the initially present pages of the new VM that reuses a torn-down VM's id. The old VM's frames still
/// hold its bytes when they are released (as on eviction, they are cleared when handed over).
/// </summary>
[Mechanism(Mechanisms.Teardown)]
public enum RecycledVmMemory
{
    /// <summary>Free frames, zero-filled as they are handed over.</summary>
    ScrubbedFrames,

    /// <summary>The frames the old VM's same pages had, as they are: the new VM starts with the old one's memory.</summary>
    OldFramesAsTheyAre,
}
