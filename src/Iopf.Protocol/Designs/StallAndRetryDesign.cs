using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Parties;

namespace Iopf.Protocol.Designs;

/// <summary>
/// ATS/PRI stall-and-retry (Sankaran): the device sends a page request, stalls its DMA stream until the page
/// response, then retries the translation.
/// </summary>
public sealed class StallAndRetryDesign : FaultPathDesign
{
    public static StallAndRetryDesign Instance { get; } = new();

    public override string Name => "StallAndRetry";

    public override string Summary => "ATS/PRI: page request, DMA stream stalls until the page response, then retries (Sankaran)";

    /// <summary>While a page request is outstanding the whole DMA stream waits.</summary>
    public override bool HeadOfLineBlocked(DeviceState s) => s.Outstanding.Count > 0;

    public override void OnFault(DeviceState s, ProtocolContext ctx, Payload p, StepResult r) => PageRequests.RequestPage(s, ctx, p, r);

    public override void OnCompletion(DeviceState s, ProtocolContext ctx, OutstandingFault fault, CompletionDescriptor completion, StepResult r) =>
        PageRequests.RetryOnCompletion(s, fault);

    public override string? Scope(string property) => PageRequests.RingsOnly(property);
}
