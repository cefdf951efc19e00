using System.ComponentModel;

namespace Iopf.Protocol.Configuration;

/// <summary>
/// Deliberately broken variants of the protocol, each a bug a real device, driver or hypervisor could
/// ship. They are switched on by configuration (never by editing code) so the checker can be shown to catch them.
/// </summary>
public enum Mutant
{
    /// <summary>Device: when every fault buffer is held, the payload is silently dropped instead of back-pressured.</summary>
    [Description("Device: when every fault buffer is held, the payload is silently dropped instead of back-pressured.")]
    DropWhenNoFaultBuffer,

    /// <summary>VMM: copies the payload eagerly when it resolves the fault, and again on the driver's copy call.</summary>
    [Description("VMM: copies the payload eagerly when it resolves the fault, and again on the driver's copy call.")]
    VmmCopiesTwice,

    /// <summary>Device: a DMA to a page with an older payload still in a fault buffer is written directly, so the later copy overwrites it.</summary>
    [Description("Device: a DMA to a page with an older payload still in a fault buffer is written directly, so the later copy overwrites it.")]
    DirectWriteBypassesOrdering,

    /// <summary>Driver: writes the completion and has the payload copied, but never rings the device's doorbell.</summary>
    [Description("Driver: writes the completion and has the payload copied, but never rings the device's doorbell.")]
    DeviceNeverNotified,

    /// <summary>IOMMU: acknowledges an unmap without invalidating the device TLB, leaving a stale ATC entry.</summary>
    [Description("IOMMU: acknowledges an unmap without invalidating the device TLB, leaving a stale ATC entry.")]
    EvictionSkipsAtcInvalidation,

    /// <summary>Driver: notifies the device before the VMM copied the payload out, so the buffer is freed too early.</summary>
    [Description("Driver: notifies the device before the VMM copied the payload out, so the buffer is freed too early.")]
    CompleteBeforeCopy,

    /// <summary>Driver: publishes the completion before the copy (doorbell still after it); an earlier fault's doorbell lets the device consume it early.</summary>
    [Description("Driver: publishes the completion before the copy (doorbell still after it); an earlier fault's doorbell lets the device consume it early.")]
    CompletionWrittenBeforeCopy,

    /// <summary>Rings: the full check is off by one, so a push onto a full ring overwrites the oldest entry.</summary>
    [Description("Rings: the full check is off by one, so a push onto a full ring overwrites the oldest entry.")]
    RingFullOffByOne,

    /// <summary>Device: the function id in the fault descriptor is latched from the previous fault.</summary>
    [Description("Device: the function id in the fault descriptor is latched from the previous fault.")]
    WrongVmInDescriptor,

    /// <summary>Device: installs the frame carried in the completion into its ATC instead of asking the IOMMU (ATS), racing eviction.</summary>
    [Description("Device: installs the frame carried in the completion into its ATC instead of asking the IOMMU (ATS), racing eviction.")]
    TrustCompletionFrame,

    /// <summary>Device: publishes the fault descriptor before the buffer-location descriptor it depends on.</summary>
    [Description("Device: publishes the fault descriptor before the buffer-location descriptor it depends on.")]
    FaultBeforeLocation,

    /// <summary>VMM: does not pin the resolved page until the copy, so eviction can take it in between.</summary>
    [Description("VMM: does not pin the resolved page until the copy, so eviction can take it in between.")]
    NoPinDuringResolution,

    /// <summary>VMM: resolves a fault on an already resident page by allocating a second frame for it.</summary>
    [Description("VMM: resolves a fault on an already resident page by allocating a second frame for it.")]
    DoubleAllocationOnSamePage,

    /// <summary>Driver: a completion written into the last slot before wrap-around is never published (tail not advanced).</summary>
    [Description("Driver: a completion written into the last slot before wrap-around is never published (tail not advanced).")]
    CompletionLostAtWrap,

    /// <summary>VMM: evicts a page without saving its content to the backing store.</summary>
    [Description("VMM: evicts a page without saving its content to the backing store.")]
    EvictionWithoutSwapOut,
}
