using Iopf.Protocol.Memory;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Parties;

namespace Iopf.Protocol.Designs;

/// <summary>Drop / abort on fault: a classic IOMMU without page-request support aborts the DMA; the payload is rejected.</summary>
public sealed class DropOnFaultDesign : FaultPathDesign
{
    public static DropOnFaultDesign Instance { get; } = new();

    public override string Name => "DropOnFault";

    public override string Summary => "classic IOMMU without page requests: the faulting DMA is aborted";

    public override void OnFault(DeviceState s, ProtocolContext ctx, Payload p, StepResult r) =>
        r.Observe(new PayloadRejected(p, "DMA aborted: the page is not present and the IOMMU has no page-request support"));

    public override string? NotApplicable(string property) => property switch
    {
        "EveryFaultCompleted" or "CompletionAnswersOutstandingFault" => "no fault is reported: the DMA is aborted",
        "FaultBufferHeldUntilCopied" => "no fault buffers and no fault rings",
        "RingsDeliverEveryDescriptorInOrder" => "no descriptor rings: the DMA is aborted",
        _ => null,
    };
}
