using Iopf.Protocol.Configuration;

namespace Iopf.Models.Designs;

/// <summary>Which properties a design can be judged by, and why not where it cannot.</summary>
public static class DesignCatalog
{
    public static IReadOnlyList<Design> All { get; } = Enum.GetValues<Design>();

    /// <summary>The reason a property does not apply to a design, or null when it applies.</summary>
    public static string? NotApplicable(Design design, string property) => (design, property) switch
    {
        (Design.DropOnFault, "EveryFaultCompleted") => "no fault is reported: the DMA is aborted",
        (Design.DropOnFault, "FaultBufferSafety") => "no fault buffers and no fault rings",
        _ => null,
    };

    /// <summary>A note on how a property reads for a design (shown beside the verdict).</summary>
    public static string? Scope(Design design, string property) => (design, property) switch
    {
        (Design.SkipToNextBuffer or Design.StallAndRetry or Design.CompletionInterrupt, "FaultBufferSafety") => "rings only: payloads are not parked in host fault buffers",
        _ => null,
    };

    public static string Summary(Design design) => design switch
    {
        Design.Claimed => "pinned fault buffers + fault buffer queue + IO page fault queue; VMM copies; completion; device notified",
        Design.DropOnFault => "classic IOMMU without page requests: the faulting DMA is aborted",
        Design.SkipToNextBuffer => "receive ring: payload goes to the next posted buffer, faulty buffer refilled in the background (Tsirkin; Lesokhin et al.)",
        Design.StallAndRetry => "ATS/PRI: page request, DMA stream stalls until the page response, then retries (Sankaran)",
        Design.CompletionInterrupt => "page-fault completion queue + interrupt: faulted DMA held in the device and retried, other DMAs go on (Biemueller)",
        _ => throw new ArgumentOutOfRangeException(nameof(design)),
    };
}
