using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Parties;

namespace Iopf.Protocol.Designs;

/// <summary>
/// Page-fault completion queue with notification (Biemueller): the faulted DMA is held in the device, the
/// completion queue entry and its interrupt trigger the retry; other DMAs go on.
/// </summary>
public sealed class CompletionInterruptDesign : FaultPathDesign
{
    public static CompletionInterruptDesign Instance { get; } = new();

    public override string Name => "CompletionInterrupt";

    public override string Summary => "page-fault completion queue + interrupt: faulted DMA held in the device and retried, other DMAs go on (Biemueller)";

    public override void OnFault(DeviceState s, ProtocolContext ctx, Payload p, StepResult r) => PageRequests.RequestPage(s, ctx, p, r);

    public override void OnCompletion(DeviceState s, ProtocolContext ctx, OutstandingFault fault, CompletionDescriptor completion, StepResult r) =>
        PageRequests.RetryOnCompletion(s, fault);

    public override string? Scope(string property) => PageRequests.RingsOnly(property);
}
