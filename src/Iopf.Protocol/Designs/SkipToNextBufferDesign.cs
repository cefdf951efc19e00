using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Parties;

namespace Iopf.Protocol.Designs;

/// <summary>
/// Skip to the next receive buffer (Tsirkin; Lesokhin et al., ASPLOS 2017): the payload goes to the next
/// posted buffer, the faulty one is listed and refilled in the background.
/// </summary>
public sealed class SkipToNextBufferDesign : FaultPathDesign
{
    public static SkipToNextBufferDesign Instance { get; } = new();

    public override string Name => "SkipToNextBuffer";

    public override string Summary => "receive ring: payload goes to the next posted buffer, faulty buffer refilled in the background (Tsirkin; Lesokhin et al.)";

    /// <summary>
    /// The faulty buffer (page) is listed and reported for a background refill, and the payload is written
    /// into the next buffer of its VM's ring instead, at the same offset. When every buffer of the ring
    /// faults, the payload waits for a refill.
    /// </summary>
    public override void OnFault(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        var page = p.Page(ModelConfig.PageSize);
        var listed = s.Outstanding.Values.Any(f => f.Payload.Vm == p.Vm && f.Payload.Page(ModelConfig.PageSize) == page);
        if (!listed && Device.HasPageRequestCredit(s, ctx))
        {
            Device.PublishFaultDescriptor(s, ctx, Device.NewFault(s, ctx, p, buffer: -1), r);
        }

        var original = ctx.Config.Payloads[p.Id];
        var attempts = s.Relocations.GetValueOrDefault(p.Id) + 1;
        if (attempts >= ctx.Config.PagesPerVm)
        {
            s.Relocations.Remove(p.Id);
            s.Hold(original);
            return;
        }

        s.Relocations[p.Id] = attempts;
        var next = (page + 1) % (ulong)ctx.Config.PagesPerVm;
        var relocated = p with { Gpa = (next * ModelConfig.PageSize) + p.Offset(ModelConfig.PageSize) };
        Device.Dispatch(s, ctx, relocated, r);
    }

    public override string? Scope(string property) => PageRequests.RingsOnly(property);
}
