using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Parties;

namespace Iopf.Protocol.Designs;

/// <summary>
/// What the page-request designs (stall-and-retry, completion interrupt) share: the payload stays in the
/// device, one page request per page goes to the driver, and the completion makes the device retry the DMA.
/// </summary>
internal static class PageRequests
{
    /// <summary>The scope note of FaultBufferHeldUntilCopied for every design that keeps payloads out of host fault buffers.</summary>
    public static string? RingsOnly(string property) =>
        property == "FaultBufferHeldUntilCopied" ? "rings only: payloads are not parked in host fault buffers" : null;

    /// <summary>
    /// One page request per page (a fault descriptor without buffer, like a PRI page request group); every
    /// other payload for the page, or any payload without a credit, is held.
    /// </summary>
    public static void RequestPage(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        var page = p.Page(ModelConfig.PageSize);
        var requested = s.Outstanding.Values.Any(f => f.Payload.Vm == p.Vm && f.Payload.Page(ModelConfig.PageSize) == page);
        if (requested || !Device.HasPageRequestCredit(s, ctx) || ctx.Config.Design.HeadOfLineBlocked(s))
        {
            s.Hold(p);
            return;
        }

        var fault = Device.NewFault(s, ctx, p, buffer: -1);
        Device.PublishFaultDescriptor(s, ctx, fault, r);
    }

    /// <summary>
    /// The faulted DMA joins the payloads held for its page; all are retried afterwards, in issue order. A
    /// younger DMA to the page whose translation is still in flight would overtake them: recall it, so it is
    /// held when its answer comes (found by this model).
    /// </summary>
    public static void RetryOnCompletion(DeviceState s, OutstandingFault fault)
    {
        var page = fault.Payload.Page(ModelConfig.PageSize);
        s.Hold(fault.Payload);
        foreach (var young in s.AwaitingTranslation.Values.Where(a => a.Vm == fault.Payload.Vm && a.Page(ModelConfig.PageSize) == page))
        {
            s.Recalled.Add(young.Id);
        }
    }
}
