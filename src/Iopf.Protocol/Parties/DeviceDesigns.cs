using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;

namespace Iopf.Protocol.Parties;

/// <summary>The fault paths of the prior-art designs the seed cites (the claimed one is in Device.cs).</summary>
public static partial class Device
{
    /// <summary>ATS/PRI stall-and-retry: while a page request is outstanding the whole DMA stream waits.</summary>
    private static bool HeadOfLineBlocked(DeviceState s, ProtocolContext ctx) =>
        ctx.Config.Design == Design.StallAndRetry && s.Outstanding.Count > 0;

    /// <summary>Outstanding page requests are bounded by the device's hold slots (one per fault buffer of the configuration) and the ring.</summary>
    private static bool HasPageRequestCredit(DeviceState s, ProtocolContext ctx) =>
        s.Outstanding.Count < ctx.Config.FaultBuffers.BufferCount && !ctx.Pinned.IopfQueue.IsFull;

    /// <summary>
    /// Stall-and-retry and completion-interrupt designs: the payload stays in the device; one page request
    /// per page (a fault descriptor without buffer, like a PRI page request group) goes to the driver, and
    /// the completion makes the device retry every payload held for that page, in issue order.
    /// </summary>
    private static void RequestPage(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        var page = p.Page(ModelConfig.PageSize);
        var requested = s.Outstanding.Values.Any(f => f.Payload.Vm == p.Vm && f.Payload.Page(ModelConfig.PageSize) == page);
        if (requested || !HasPageRequestCredit(s, ctx) || HeadOfLineBlocked(s, ctx))
        {
            s.Hold(p);
            return;
        }

        var fault = NewFault(s, p, buffer: -1);
        PublishFaultDescriptor(s, ctx, fault, r);
    }

    /// <summary>
    /// Skip to the next receive buffer: the faulty buffer (page) is listed and reported for a background
    /// refill, and the payload is written into the next buffer of its VM's ring instead, at the same offset.
    /// When every buffer of the ring faults, the payload waits for a refill.
    /// </summary>
    private static void SkipToNextBuffer(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        var page = p.Page(ModelConfig.PageSize);
        var listed = s.Outstanding.Values.Any(f => f.Payload.Vm == p.Vm && f.Payload.Page(ModelConfig.PageSize) == page);
        if (!listed && HasPageRequestCredit(s, ctx))
        {
            PublishFaultDescriptor(s, ctx, NewFault(s, p, buffer: -1), r);
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
        Dispatch(s, ctx, relocated, r);
    }

    /// <summary>Numbers a new fault (16-bit sequence, wrapping) and records it as outstanding.</summary>
    private static OutstandingFault NewFault(DeviceState s, Payload p, int buffer, int? descriptorFunction = null)
    {
        var sequence = s.NextSequence;
        s.NextSequence = (sequence + 1) & 0xFFFF;
        var fault = new OutstandingFault(sequence, p, buffer, descriptorFunction ?? p.Vm);
        s.Outstanding[sequence] = fault;
        s.PeakHeld = Math.Max(s.PeakHeld, s.Outstanding.Count);
        return fault;
    }
}
