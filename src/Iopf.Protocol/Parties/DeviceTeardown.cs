using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The device's part of a VM teardown: its driver stops the function's DMA (a quiesced function issues nothing more,
/// though its posted writes already on the link still land), and a Function Level Reset makes the function forget the
/// page requests it still has outstanding; a response that arrives for one afterwards matches nothing and is discarded
/// (PCIe PRI: a response for no outstanding request is an Unexpected Page Request Group Index).
/// </summary>
public static partial class Device
{
    /// <summary>
    /// Stop function <paramref name="function"/>: drop the payloads it holds back (they end in a reported error) and
    /// answer the stop behind every write it has issued. A fault report half written is finished first.
    /// </summary>
    private static void StopFunction(DeviceState s, ProtocolContext ctx, int function, StepResult r)
    {
        s.Stopped.Add(function);
        foreach (var p in s.Stalled.Where(p => p.Vm == function).ToList())
        {
            s.Stalled.Remove(p);
            r.Observe(new PayloadRejected(p, $"function {function} stopped for teardown"));
        }

        if (s.Unpublished.Any(sequence => s.Outstanding[sequence].Payload.Vm == function))
        {
            s.StopAckOwed.Add(function);
            return;
        }

        AcknowledgeStop(ctx, function, r);
        ctx.Config.Design.RetryHeld(s, ctx, r);
    }

    /// <summary>The stop is posted on the link, so the VMM hears of it only once the function's earlier writes have landed.</summary>
    private static void AcknowledgeStop(ProtocolContext ctx, int function, StepResult r)
    {
        switch (ctx.Rules.StopAcknowledgement)
        {
            case StopAcknowledgement.BehindPostedWrites:
                r.Send(Role.Link, new DmaStopped(function));
                break;
            case StopAcknowledgement.OvertakesPostedWrites:
                r.Send(Role.Vmm, new DmaStopped(function));
                break;
        }
    }

    /// <summary>
    /// A translation answer for a stopped function is not acted on: a waiting DMA ends in a reported error, an ATC
    /// refresh is dropped.
    /// </summary>
    private static void DropForStoppedFunction(DeviceState s, TranslationResponse t, StepResult r)
    {
        if (t.Job < 0)
        {
            Decrement(s.RefreshesInFlight, (t.Function, t.Page));
            Decrement(s.StaleRefreshes, (t.Function, t.Page));
            return;
        }

        if (!s.AwaitingTranslation.Remove(t.Job, out var p))
        {
            throw new ProtocolStateException($"device: translation response for unknown job {t.Job}");
        }

        s.Overtaken.Remove(p.Id);
        r.Observe(new PayloadRejected(p, $"function {t.Function} stopped for teardown"));
    }

    /// <summary>
    /// Function Level Reset: the function forgets its outstanding page requests (whatever fault buffers they still hold
    /// stay allocated: only a consumed completion frees one) and its ATC.
    /// </summary>
    private static void ResetFunctionState(DeviceState s, int function, StepResult r)
    {
        foreach (var sequence in s.Outstanding.Where(kv => kv.Value.Payload.Vm == function).Select(kv => kv.Key).ToList())
        {
            s.Outstanding.Remove(sequence);
        }

        foreach (var page in s.Atc.Keys.Where(k => k.Function == function).ToList())
        {
            s.Atc.Remove(page);
        }

        r.Send(Role.Vmm, new FunctionReset(function));
    }
}
