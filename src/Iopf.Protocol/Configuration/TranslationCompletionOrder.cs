namespace Iopf.Protocol.Configuration;

/// <summary>
/// How the IOMMU's ATS Translation Completions travel back to the device. PCIe lets a Completion pass another
/// Completion with a different Transaction ID, and a posted request (the ATS Invalidate Request) pass a
/// Completion; the model can assume either that or a path that keeps them in order.
/// </summary>
public enum TranslationCompletionOrder
{
    /// <summary>In the order the IOMMU answered, and never passed by a later invalidation (stronger than PCIe).</summary>
    InOrder,

    /// <summary>As PCIe permits: any answer in flight may overtake the others, and a later invalidation may overtake them all.</summary>
    MayPass,
}
