using Iopf.Protocol.Rules;

namespace Iopf.Worlds.Mutants;

/// <summary>
/// The mutant table: every mutant exactly once, with what it is, how it is applied (one decision's non-default
/// choice), where it comes from, and where and how each engine must catch it. Every engine's tests read these
/// rows; adding a mutant is one choice in Rules/Decisions.cs and one row here.
/// </summary>
public sealed partial record Mutant
{
    private const string Safety = "Safety";
    private const string Quiescent = "QuiescentWithObligation";

    /// <summary>Every mutant, each once. The per-property monitor witnesses are marked <see cref="Witness"/>.</summary>
    public static IReadOnlyList<Mutant> All { get; } =
    [
        new(
            Name: "DropWhenNoFaultBuffer",
            Description: "Device: when every fault buffer is held, the payload is silently dropped instead of back-pressured.",
            Choice: NoFreeFaultBuffer.Drop,
            Source: "illustrative: a device that drops a fault it has no room to report; PCIe PRI bounds a function's outstanding page requests by its allocation precisely so requests are held back, not lost",
            World: "FaultBurst",
            Property: "NoPayloadLost",
            Exhaustive: new("LateDmaToFaultedPage", Quiescent, 40),
            Witness: true),
        new(
            Name: "VmmCopiesTwice",
            Description: "VMM: copies the payload eagerly when it resolves the fault, and again on the driver's copy call.",
            Choice: PayloadCopies.Twice,
            Source: "illustrative: a replayed or duplicated copy, as when a retried fault handler redoes a non-idempotent step",
            World: "SingleFault",
            Property: "NoDoubleCopy",
            Exhaustive: new("RingsAtWrap", Safety, 14),
            Witness: true),
        new(
            Name: "DirectWriteBypassesOrdering",
            Description: "Device: a DMA to a page with an older payload still in a fault buffer is written directly, so the later copy overwrites it.",
            Choice: DmaBehindBufferedFault.WriteDirect,
            Source: "illustrative: a later write overtaking an earlier one to the same address, which PCIe ordering keeps for posted writes",
            World: "SamePageTwice",
            Property: "NoDoubleCopy",
            Exhaustive: new("LateDmaToFaultedPage", Safety, 26)),
        new(
            Name: "DeviceNeverNotified",
            Description: "Driver: writes the completion and has the payload copied, but never rings the device's doorbell.",
            Choice: DoorbellAfterCopy.Omit,
            Source: "illustrative: a lost completion notification (a missing doorbell or interrupt) that leaves the device waiting forever",
            World: "SingleFault",
            Property: "EveryFaultCompleted",
            Exhaustive: new("SingleFault", Quiescent, 11),
            Witness: true),
        new(
            Name: "EvictionSkipsAtcInvalidation",
            Description: "IOMMU: acknowledges an unmap without invalidating the device TLB, leaving a stale ATC entry.",
            Choice: AtcOnUnmap.Skip,
            Source: "spec: PCIe ATS requires the translation agent to invalidate a device's ATC when it changes a translation; related Linux fix 353e3cf8590c \"iommu/arm-smmu-v3: Fix ATC invalidation ordering wrt main TLBs\"",
            World: "AtcInvalidationRacesCompletion",
            Property: "VmIsolation",
            Exhaustive: new("TwoVmsUnderPressure", Safety, 11),
            Witness: true),
        new(
            Name: "CompleteBeforeCopy",
            Description: "Driver: notifies the device before the VMM copied the payload out, so the buffer is freed too early.",
            Choice: CompletionPublication.DoorbellBeforeCopy,
            Source: "illustrative: completing a request before its data was consumed (a use-after-free of the buffer)",
            World: "SingleFault",
            Property: "FaultBufferHeldUntilCopied",
            Exhaustive: new("SamePageUnderPressure", Safety, 16),
            Witness: true),
        new(
            Name: "CompletionWrittenBeforeCopy",
            Description: "Driver: publishes the completion before the copy (doorbell still after it); an earlier fault's doorbell lets the device consume it early.",
            Choice: CompletionPublication.BeforeCopy,
            Source: "found by this model while writing the driver (see Driver.OnCopyDone); illustrative of publishing a descriptor before the work it reports is done",
            World: "FaultBurst",
            Property: "FaultBufferHeldUntilCopied",
            Exhaustive: new("SamePageUnderPressure", Safety, 22)),
        new(
            Name: "RingFullOffByOne",
            Description: "Rings: the full check is off by one, so a push onto a full ring overwrites the oldest entry.",
            Choice: RingFullCheck.OffByOne,
            Source: "illustrative: the classic ring-buffer full/empty off-by-one",
            World: "QueueFullAndWrap",
            Property: "FaultBufferHeldUntilCopied",
            Exhaustive: new("RingsAtWrap", Safety, 12)),
        new(
            Name: "WrongVmInDescriptor",
            Description: "Device: the function id in the fault descriptor is latched from the previous fault.",
            Choice: FaultFunctionId.PreviousFault,
            Source: "illustrative: a stale requester id or PASID latched in a fault record, which sends the fault to the wrong address space",
            World: "SharedPoolTwoFunctions",
            Property: "VmIsolation",
            Exhaustive: new("TwoVmsSharedBuffers", Safety, 13)),
        new(
            Name: "TrustCompletionFrame",
            Description: "Device: installs the frame carried in the completion into its ATC instead of asking the IOMMU (ATS), racing eviction.",
            Choice: AtcRefill.TrustCompletionFrame,
            Source: "illustrative: caching a translation from anywhere but an ATS Translation Completion, which eviction can make stale",
            World: "StaleCompletionFrame",
            Property: "VmIsolation",
            Exhaustive: new("LateDmaToFaultedPage", Safety, 31),
            BeyondSampling: "the window (page reclaimed after the copy, before the driver rings the doorbell, then a new DMA to that page) is a few steps wide: Coyote found it after about 2,400 schedules with prioritization seeds 2 and 3, but not within coyote.json's 1,000 random schedules (seed 1), nor 3,000 of Coyote's portfolio (seed 1) or probabilistic (seeds 1-3)"),
        new(
            Name: "FaultBeforeLocation",
            Description: "Device: publishes the fault descriptor before the buffer-location descriptor it depends on.",
            Choice: FaultDescriptorOrder.FaultFirst,
            Source: "illustrative: publishing a queue entry before the data it refers to (a missing write barrier before a producer-index update)",
            World: "SingleFault",
            Property: "FaultBufferHeldUntilCopied",
            Exhaustive: new("TwoVmsSharedBuffers", Safety, 5)),
        new(
            Name: "NoPinDuringResolution",
            Description: "VMM: does not pin the resolved page until the copy, so eviction can take it in between.",
            Choice: ResolvedPagePinning.Unpinned,
            Source: "illustrative: a page reclaimed while a DMA into it is still pending because it was not pinned",
            World: "EvictAfterResolve",
            Property: "VmIsolation",
            Exhaustive: new("TwoVmsUnderPressure", Safety, 21)),
        new(
            Name: "DoubleAllocationOnSamePage",
            Description: "VMM: resolves a fault on an already resident page by allocating a second frame for it.",
            Choice: ResidentPageFault.AllocateAnother,
            Source: "illustrative: two faults on one page both allocating, without rechecking that the page became present meanwhile",
            World: "SamePageTwice",
            Property: "NoPayloadLost",
            Exhaustive: new("SamePageUnderPressure", Safety, 25)),
        new(
            Name: "CompletionLostAtWrap",
            Description: "Driver: a completion written into the last slot before wrap-around is never published (tail not advanced).",
            Choice: CompletionAtWrap.LoseLastSlot,
            Source: "illustrative: an index wrap-around bug that skips publishing the last slot",
            World: "QueueFullAndWrap",
            Property: "EveryFaultCompleted",
            Exhaustive: new("RingsAtWrap", Quiescent, 49)),
        new(
            Name: "EvictionWithoutSwapOut",
            Description: "VMM: evicts a page without saving its content to the backing store.",
            Choice: EvictedContent.Discard,
            Source: "illustrative: reclaiming a dirty page without writing it back",
            World: "AtcInvalidationRacesCompletion",
            Property: "NoPayloadLost",
            Exhaustive: new("SamePageUnderPressure", Safety, 26)),
        new(
            Name: "HandOverUnscrubbedFrame",
            Description: "VMM: hands a released frame to a page with nothing to load without zero-filling it, so the page (here another VM's) holds the previous owner's bytes.",
            Choice: ReusedFrameContent.HandOverUnscrubbed,
            Source: "ACRN hypervisor pull request #1826 \"HV: clear memory region used by UOS before it exit\" (issue #1825): a destroyed VM's memory, reclaimed and re-allocated to a new VM, leaked its data to it; later issue #6061 \"Clear user VM's memory before allocation\" clears it at hand-over, as Linux's page allocator does for __GFP_ZERO (clear_highpage in prep_new_page)",
            World: "TwoVmsUnderPressure",
            Property: "NoCrossVmDataLeak",
            Exhaustive: new("TwoVmsUnderPressure", Safety, 17),
            Witness: true),
        new(
            Name: "UnmapAckedBeforeAtcInvalidated",
            Description: "IOMMU: sends the device-TLB invalidation but acknowledges the unmap before the device confirmed it, so the frame is reused while a stale ATC entry still reaches it.",
            Choice: AtcOnUnmap.AckBeforeInvalidationCompletes,
            Source: "spec: a PCIe ATS Invalidate Request is complete only when the device's Invalidate Completion arrives; VT-d software waits for it with an invalidation wait descriptor, SMMUv3 with CMD_SYNC after CMD_ATC_INV (ordering fixed in Linux 353e3cf8590c \"iommu/arm-smmu-v3: Fix ATC invalidation ordering wrt main TLBs\")",
            World: "AtcInvalidationRacesCompletion",
            Property: "VmIsolation",
            Exhaustive: new("TwoVmsUnderPressure", Safety, 11)),
        new(
            Name: "InvalidationCompletionOvertakesWrites",
            Description: "Device: sends its ATS Invalidate Completion around the link, so it overtakes translated writes still in flight with the invalidated entry, and the frame is reused before they land.",
            Choice: InvalidationCompletion.OvertakesPostedWrites,
            Source: "spec: PCIe ATS Invalidate Completion, a posted Message that may not pass the Function's earlier posted writes, is what tells the Translation Agent the invalidated entry is no longer used (AMD-Vi's COMPLETION_WAIT likewise waits until writes that used an invalidated entry are visible); the same class in Linux \"PCI: dwc: ep: Flush MSI-X write before unmapping its ATU entry\" (a posted write still in flight when its mapping was torn down)",
            World: "AtcInvalidationRacesCompletion",
            Property: "VmIsolation",
            Exhaustive: new("TwoVmsUnderPressure", Safety, 13)),
        new(
            Name: "YoungerTranslationActedOnFirst",
            Description: "Device: acts on a translation answer as it arrives, though an older DMA to the same page still waits for its own, so the younger write lands first and the older one overwrites it.",
            Choice: TranslationAnswerOrder.ActOnArrival,
            Source: "spec: PCIe ordering rules permit a Completion to pass a Completion with a different Transaction ID, so ATS Translation Completions may return out of request order; the model's own device relied on in-order answers until this mutant's world was written",
            World: "TranslationAnswersPass",
            Property: "NoDoubleCopy",
            Exhaustive: new("TranslationAnswersPass", Safety, 11)),
        new(
            Name: "TranslationOvertakenByInvalidationUsed",
            Description: "Device: uses a translation answer that was walked before its page was unmapped and arrived after the ATC invalidation, writing into a frame the VMM has reused.",
            Choice: InvalidatedTranslation.Use,
            Source: "spec: PCIe ordering lets a posted request (the ATS Invalidate Request) pass a Completion, and ATS requires that after its Invalidate Completion the Function uses no translation of the range obtained before the Invalidate Request, so a Translation Completion outstanding across the invalidation must be discarded",
            World: "InvalidationPassesTranslation",
            Property: "VmIsolation",
            Exhaustive: new("InvalidationPassesTranslation", Safety, 14)),
        new(
            Name: "UnbackedFaultAnsweredSuccess",
            Description: "Driver: when the VMM cannot back a fault's page (its GPA is beyond the VM's memory), completes the fault with Success anyway, so the DMA vanishes without an error.",
            Choice: UnbackedFault.AnswerSuccess,
            Source: "spec: PCIe PRI Page Request Group Response code Invalid Request, for pages that will never be made accessible; Linux drivers/iommu/iommu-sva.c iommu_sva_handle_mm() starts from IOMMU_PAGE_RESP_INVALID and answers Success only after vma_lookup() found the address and handle_mm_fault() succeeded",
            World: "StrayDmaBeyondGuestMemory",
            Property: "FaultBufferHeldUntilCopied",
            Exhaustive: new("StrayDmaBeyondGuestMemory", Safety, 22)),
        new(
            Name: "FailedCompletionTreatedAsSuccess",
            Description: "Device: reads only the sequence number of a completion and carries on as after a Success when the fault was answered Invalid Request, so the DMA ends without a reported error.",
            Choice: FailedCompletion.TreatAsSuccess,
            Source: "spec: PCIe PRI, a Function that receives Invalid Request for a page request must not retry it and handles the access as failed (ATS then answers the untranslated request as an Unsupported Request); the same class as the completion-status checks of drivers/iommu/io-pgfault.c iopf_handler()",
            World: "StrayDmaBeyondGuestMemory",
            Property: "FaultBufferHeldUntilCopied",
            Exhaustive: new("StrayDmaBeyondGuestMemory", Safety, 22)),
        new(
            Name: "CompletionNamesWrongFault",
            Description: "Driver: fills the completion's sequence field with the next sequence instead of the one of the fault it answers.",
            Choice: CompletionSequence.OffByOne,
            Source: "spec: a PCIe PRI Page Request Group Response must carry the PRG Index (and PASID) of the request it answers, and a Function that receives one matching no outstanding request sets Unexpected Page Request Group Index in its PRI Status register; Linux iommu_page_response() (drivers/iommu/io-pgfault.c) finds the pending request by group id and PASID for the same reason",
            World: "SingleFault",
            Property: "CompletionAnswersOutstandingFault",
            Exhaustive: new("SingleFault", Safety, 12)),
        new(
            Name: "CompletionWrittenTwice",
            Description: "Driver: writes the completion of a fault twice, so the device consumes a second answer for a fault it has already retired.",
            Choice: CompletionsPerFault.Twice,
            Source: "illustrative: a fault answered on two paths (an error path and the normal one, or a retry after a timeout); PCIe PRI makes the second Page Request Group Response an Unexpected Page Request Group Index at the Function, and Linux's iommu_page_response() removes the pending request it answers and refuses a response that matches none",
            World: "SingleFault",
            Property: "CompletionAnswersOutstandingFault",
            Exhaustive: new("SingleFault", Safety, 12),
            Witness: true),
    ];
}
