namespace Iopf.Protocol.Configuration;

/// <summary>
/// Deliberately broken variants of the protocol, each a bug a real device, driver or hypervisor could
/// ship. They are switched on by configuration (never by editing code) so the checker can be shown to catch them.
/// </summary>
public enum Mutant
{
    /// <summary>Device: when every fault buffer is held, the payload is silently dropped instead of back-pressured.</summary>
    DropWhenNoFaultBuffer,

    /// <summary>VMM: copies the payload eagerly when it resolves the fault, and again on the driver's copy call.</summary>
    VmmCopiesTwice,

    /// <summary>Device: a DMA to a page with an older payload still in a fault buffer is written directly, so the later copy overwrites it.</summary>
    DirectWriteBypassesOrdering,

    /// <summary>Driver: writes the completion and has the payload copied, but never rings the device's doorbell.</summary>
    DeviceNeverNotified,

    /// <summary>IOMMU: acknowledges an unmap without invalidating the device TLB, leaving a stale ATC entry.</summary>
    EvictionSkipsAtcInvalidation,

    /// <summary>Driver: notifies the device before the VMM copied the payload out, so the buffer is freed too early.</summary>
    CompleteBeforeCopy,

    /// <summary>Driver: publishes the completion before the copy (doorbell still after it); an earlier fault's doorbell lets the device consume it early.</summary>
    CompletionWrittenBeforeCopy,

    /// <summary>Rings: the full check is off by one, so a push onto a full ring overwrites the oldest entry.</summary>
    RingFullOffByOne,

    /// <summary>Device: the function id in the fault descriptor is latched from the previous fault.</summary>
    WrongVmInDescriptor,

    /// <summary>Device: installs the frame carried in the completion into its ATC instead of asking the IOMMU (ATS), racing eviction.</summary>
    TrustCompletionFrame,

    /// <summary>Device: publishes the fault descriptor before the buffer-location descriptor it depends on.</summary>
    FaultBeforeLocation,

    /// <summary>VMM: does not pin the resolved page until the copy, so eviction can take it in between.</summary>
    NoPinDuringResolution,

    /// <summary>VMM: resolves a fault on an already resident page by allocating a second frame for it.</summary>
    DoubleAllocationOnSamePage,

    /// <summary>Driver: a completion written into the last slot before wrap-around is never published (tail not advanced).</summary>
    CompletionLostAtWrap,

    /// <summary>VMM: evicts a page without saving its content to the backing store.</summary>
    EvictionWithoutSwapOut,
}
