using Iopf.Protocol.Memory;
using Iopf.Protocol.Parties;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Designs;

/// <summary>
/// The claimed design: the payload is parked in a pinned fault buffer, reported through the fault buffer queue
/// and the IO page fault queue, copied into the resolved page by the VMM, completed, and the device notified.
/// </summary>
public sealed class ClaimedDesign : FaultPathDesign
{
    public static ClaimedDesign Instance { get; } = new();

    public override string Name => "Claimed";

    public override string Summary => "pinned fault buffers + fault buffer queue + IO page fault queue; VMM copies; completion; device notified";

    public override bool UsesFaultBuffers => true;

    /// <summary>Park the payload in a fault buffer, or hold it back while no buffer or ring slot is free (or, under overflow, have its report discarded).</summary>
    public override void OnFault(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        if (ctx.Rules.NoFreeFaultBuffer == NoFreeFaultBuffer.Drop && !ctx.Pinned.Buffers.HasFree)
        {
            return; // the bug: accepted, then silently gone
        }

        if (s.Stalled.Count > 0 || !Device.CanStartReport(s, ctx))
        {
            s.Hold(p); // back-pressure: the payload waits, it is never dropped
            return;
        }

        Report(s, ctx, p, r);
    }

    /// <summary>One held payload at a time takes the buffer and ring slots that came back, oldest first.</summary>
    public override void RetryHeld(DeviceState s, ProtocolContext ctx, StepResult r)
    {
        if (s.Stalled.Count > 0 && Device.CanStartReport(s, ctx))
        {
            var p = s.Stalled[0];
            s.Stalled.RemoveAt(0);
            Report(s, ctx, p, r);
        }
    }

    // Under the overflow discipline a report that finds the queue full or flagged is discarded (and retried later).
    private static void Report(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        if (Device.ReportOverflows(ctx))
        {
            Device.DiscardReport(s, ctx, p, r);
            return;
        }

        Device.StartReport(s, ctx, p, r);
    }
}
