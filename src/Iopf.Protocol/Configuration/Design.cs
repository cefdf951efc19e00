namespace Iopf.Protocol.Configuration;

/// <summary>
/// The designs the seed document names, each a way for device, driver and VMM to handle a DMA that hits a
/// not-present guest page. The claimed design is the one under examination; the others are the cited prior art.
/// </summary>
public enum Design
{
    /// <summary>Claimed: the payload is parked in a pinned fault buffer, reported through the fault buffer queue and the IO page fault queue, copied into the resolved page by the VMM, completed, and the device notified.</summary>
    Claimed,

    /// <summary>Drop / abort on fault: a classic IOMMU without page-request support aborts the DMA; the payload is rejected.</summary>
    DropOnFault,

    /// <summary>Skip to the next receive buffer (Tsirkin; Lesokhin et al., ASPLOS 2017): the payload goes to the next posted buffer, the faulty one is listed and refilled in the background.</summary>
    SkipToNextBuffer,

    /// <summary>ATS/PRI stall-and-retry (Sankaran): the device sends a page request, stalls its DMA stream until the page response, then retries the translation.</summary>
    StallAndRetry,

    /// <summary>Page-fault completion queue with notification (Biemueller): the faulted DMA is held in the device, the completion queue entry and its interrupt trigger the retry; other DMAs go on.</summary>
    CompletionInterrupt,
}

/// <summary>What the designs have in common or not, asked by the steps instead of comparing designs everywhere.</summary>
public static class DesignTraits
{
    /// <summary>The device parks payloads in host fault buffers, reported through the fault buffer queue, and the VMM copies them.</summary>
    public static bool UsesFaultBuffers(this Design design) => design == Design.Claimed;

    /// <summary>The device reports faults to the driver through the IO page fault queue at all.</summary>
    public static bool ReportsFaults(this Design design) => design != Design.DropOnFault;

    /// <summary>The device retries the DMA itself once the page is resolved (page-request designs).</summary>
    public static bool RetriesDma(this Design design) => design is Design.StallAndRetry or Design.CompletionInterrupt;
}
