using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The device's protocol steps (claims 1-3, 16): DMA through the ATC, ATS translation, keeping DMAs to one
/// page in order, and completion. What happens on an I/O page fault is the configured design's
/// (<see cref="Designs.FaultPathDesign"/>); the report rings it may use are in DeviceReports.cs.
/// </summary>
public static partial class Device
{
    public static void Handle(DeviceState s, ProtocolContext ctx, Message message, StepResult r)
    {
        if (s.Stalled.Count > 0)
        {
            s.StallSteps++;
        }

        switch (message)
        {
            case IssueNextDma:
                IssueNext(s, ctx, r);
                break;
            case TranslationResponse t:
                OnTranslation(s, ctx, t, r);
                break;
            case FinishFaultReport f:
                FinishReport(s, ctx, f.Sequence, r);
                break;
            case CompletionDoorbell:
                OnDoorbell(s, ctx, r);
                break;
            case RingIndexPublish publish:
                RingWriter.PublishIndex(ctx, publish, r); // the index passing its slot: published by the device, not the link
                break;
            case StopDma stop:
                StopFunction(s, ctx, stop.Function, r);
                break;
            case ResetFunction reset:
                ResetFunctionState(s, reset.Function, r);
                break;
            case AtcInvalidate inv:
                s.Atc.Remove((inv.Function, inv.Page));
                MarkAnswersInFlightStale(s, ctx, inv.Function, inv.Page);
                CompleteInvalidation(ctx, inv, r);
                break;
            default:
                throw new UnexpectedMessageException(nameof(Device), message);
        }
    }

    private static void IssueNext(DeviceState s, ProtocolContext ctx, StepResult r)
    {
        var payloads = ctx.Config.Payloads;
        if (s.NextPayload >= payloads.Length)
        {
            return;
        }

        var p = payloads[s.NextPayload++];
        if (s.Stopped.Contains(p.Vm))
        {
            // A stopped function issues nothing: the VM that would have sent this payload is gone.
            if (s.NextPayload < payloads.Length)
            {
                r.Send(Role.Device, new IssueNextDma());
            }

            return;
        }

        r.Observe(new PayloadAccepted(p));
        Dispatch(s, ctx, p, r);
        if (s.NextPayload < payloads.Length)
        {
            r.Send(Role.Device, new IssueNextDma());
        }
    }

    /// <summary>Sends one DMA on its way: behind an older payload to the same page, through the ATC, or to the IOMMU.</summary>
    internal static void Dispatch(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        if (ctx.Config.Design.HeadOfLineBlocked(s))
        {
            s.Hold(p);
            return;
        }

        var page = p.Page(ModelConfig.PageSize);
        if (!AwaitsTranslation(s, p.Vm, page, olderThan: int.MaxValue))
        {
            if (MustQueueBehindFault(s, ctx, p))
            {
                ctx.Config.Design.OnFault(s, ctx, p, r);
                return;
            }

            if (s.Atc.TryGetValue((p.Vm, page), out var frame))
            {
                IssueWrite(p, frame, r);
                return;
            }
        }

        s.AwaitingTranslation[p.Id] = p;
        r.Send(Role.Iommu, new TranslationRequest(p.Vm, page, p.Id));
    }

    // Ordering: a payload may not overtake an older payload to the same page that still waits in a fault buffer,
    // or the older one's copy would later overwrite it.
    private static bool MustQueueBehindFault(DeviceState s, ProtocolContext ctx, Payload p) =>
        ctx.Rules.DmaBehindBufferedFault == DmaBehindBufferedFault.QueueBehind
        && s.PageHasPendingFault(p.Vm, p.Page(ModelConfig.PageSize), ModelConfig.PageSize);

    // A DMA to the page (issued before olderThan) still waits for its translation. Dispatch: taking the ATC or
    // the fault path now would overtake it (found by this model), so ask the IOMMU too. That keeps the order
    // only because an answer that overtakes the older one's is not acted on (OnTranslation): PCIe lets
    // translation completions pass each other.
    private static bool AwaitsTranslation(DeviceState s, int vm, ulong page, int olderThan) =>
        s.AwaitingTranslation.Values.Any(o => o.Id < olderThan && o.Vm == vm && o.Page(ModelConfig.PageSize) == page);

    /// <summary>ATC refresh after a completion (claim 16): install whatever the IOMMU said, unless an invalidation of the page came since it was asked.</summary>
    private static void OnRefresh(DeviceState s, ProtocolContext ctx, TranslationResponse t)
    {
        var page = (t.Function, t.Page);
        Decrement(s.RefreshesInFlight, page);
        if (Decrement(s.StaleRefreshes, page) && ctx.Rules.InvalidatedTranslation == InvalidatedTranslation.Retranslate)
        {
            return;
        }

        if (t.Frame is { } refreshed)
        {
            s.Atc[page] = refreshed;
        }
    }

    /// <summary>
    /// An ATC invalidation of a page: a translation of it still in flight may have been walked before the unmap,
    /// so its answer must not be used (PCIe ATS: after its Invalidate Completion the device uses no translation of
    /// the range obtained before the Invalidate Request). The device cannot tell a stale answer from a fresh one,
    /// so it discards both. On a path that keeps completions in order behind the invalidation (InOrder), every
    /// answer walked before the unmap has already arrived, and a device built for it relies on that.
    /// </summary>
    private static void MarkAnswersInFlightStale(DeviceState s, ProtocolContext ctx, int function, ulong page)
    {
        if (ctx.Config.TranslationCompletions == TranslationCompletionOrder.InOrder)
        {
            return;
        }

        foreach (var p in s.AwaitingTranslation.Values.Where(p => p.Vm == function && p.Page(ModelConfig.PageSize) == page))
        {
            s.Overtaken.Add(p.Id);
        }

        if (s.RefreshesInFlight.TryGetValue((function, page), out var asked))
        {
            s.StaleRefreshes[(function, page)] = asked;
        }
    }

    /// <summary>Counts one down, removing the entry at zero (so equal states encode equally); false when there was none.</summary>
    private static bool Decrement(SortedDictionary<(int Function, ulong Page), int> counts, (int Function, ulong Page) page)
    {
        if (!counts.TryGetValue(page, out var n))
        {
            return false;
        }

        if (n == 1)
        {
            counts.Remove(page);
        }
        else
        {
            counts[page] = n - 1;
        }

        return true;
    }

    private static void OnTranslation(DeviceState s, ProtocolContext ctx, TranslationResponse t, StepResult r)
    {
        if (s.Stopped.Contains(t.Function))
        {
            DropForStoppedFunction(s, t, r);
            return;
        }

        if (t.Job < 0)
        {
            OnRefresh(s, ctx, t);
            return;
        }

        if (!s.AwaitingTranslation.Remove(t.Job, out var p))
        {
            throw new ProtocolStateException($"device: translation response for unknown job {t.Job}");
        }

        var stale = s.Overtaken.Remove(p.Id) && ctx.Rules.InvalidatedTranslation == InvalidatedTranslation.Retranslate;
        if (s.Recalled.Remove(p.Id))
        {
            s.Hold(p);
            ctx.Config.Design.RetryHeld(s, ctx, r);
            return;
        }

        // Asked before its page was invalidated, or overtaking an older DMA's answer to the same page: acting on it
        // would use a frame the VMM may have reused, or let a younger write land first. Ask again instead.
        if (stale || (ctx.Rules.TranslationAnswerOrder == TranslationAnswerOrder.KeepIssueOrder && AwaitsTranslation(s, p.Vm, t.Page, olderThan: p.Id)))
        {
            s.AwaitingTranslation[p.Id] = p;
            r.Send(Role.Iommu, new TranslationRequest(p.Vm, t.Page, p.Id));
            return;
        }

        if (MustQueueBehindFault(s, ctx, p) || t.Frame is null)
        {
            ctx.Config.Design.OnFault(s, ctx, p, r);
            return;
        }

        s.Atc[(t.Function, t.Page)] = t.Frame.Value;
        IssueWrite(p, t.Frame.Value, r);
    }

    /// <summary>Issues the translated write: it is in flight on the link until the link delivers it.</summary>
    private static void IssueWrite(Payload p, int frame, StepResult r) =>
        r.Send(Role.Link, new PostedWrite(p.Vm, p.Gpa, frame, p.Id, p.Length));

    /// <summary>
    /// The ATS Invalidate Completion. Sent on the link, it arrives behind every write the device issued with the
    /// entry it just dropped, so the IOMMU (and the VMM after it) learns of the invalidation only once those writes
    /// have landed; sent around the link, it overtakes them.
    /// </summary>
    private static void CompleteInvalidation(ProtocolContext ctx, AtcInvalidate inv, StepResult r)
    {
        var completion = new AtcInvalidateAck(inv.Token);
        switch (ctx.Rules.InvalidationCompletion)
        {
            case InvalidationCompletion.BehindPostedWrites:
                r.Send(Role.Link, completion);
                break;
            case InvalidationCompletion.OvertakesPostedWrites:
                r.Send(Role.Iommu, completion);
                break;
        }
    }

    /// <summary>Completion (claim 4, 16): free each completed fault's buffer, then the design says what follows.</summary>
    private static void OnDoorbell(DeviceState s, ProtocolContext ctx, StepResult r)
    {
        while (RingReader.Pop(ctx.Pinned.CompletionQueue, r, out var word))
        {
            // In the chosen family's response format. A real family's response names no buffer: the device's
            // outstanding record of the fault that PRG index names says which one it parked the payload in.
            var (completion, pasid) = ctx.Config.Codec.DecodeResponse(word);
            if (completion.BufferIndex < 0)
            {
                completion = completion with { BufferIndex = s.Outstanding.TryGetValue(completion.Sequence, out var named) ? Math.Max(named.Buffer, 0) : 0 };
            }

            r.Observe(new CompletionConsumed(completion.Sequence, completion.FunctionId, completion.BufferIndex, completion.Status));
            if (AnsweredFault(s, completion, pasid) is not { } fault)
            {
                // PCIe PRI: a response that matches no outstanding request is discarded (and flagged as an
                // Unexpected Page Request Group Index in the PRI status register); the fault stays outstanding.
                continue;
            }

            s.Outstanding.Remove(fault.Sequence);

            // Invalid Request (or Response Failure): the page will not come, so the DMA ends in a reported error,
            // and its parked payload need not be copied before the buffer is freed.
            var failed = completion.Status != CompletionStatus.Success && ctx.Rules.FailedCompletion == FailedCompletion.Reject;
            if (failed)
            {
                r.Observe(new PayloadRejected(fault.Payload, $"its fault #{fault.Sequence} was answered {completion.Status}"));
            }

            if (fault.Buffer >= 0)
            {
                // The pool refuses a second free without corrupting itself; whether this free was one is concluded
                // by the specification from the facts (stored, freed), so the fact says only what happened.
                _ = ctx.Pinned.Buffers.Free(fault.Buffer);
                r.Observe(new FaultBufferFreed(fault.Buffer));
            }

            r.Observe(new FaultNotified(fault.Sequence));
            if (!failed)
            {
                ctx.Config.Design.OnCompletion(s, ctx, fault, completion, r);
            }
        }

        ctx.Config.Design.RetryHeld(s, ctx, r);
    }

    /// <summary>
    /// The outstanding fault a completion answers: the one of its sequence, when the completion's function and
    /// buffer are that fault's too (a design without fault buffers has no buffer to match), and so is the PASID
    /// when the response format carries one (a real family's; -1 when it says no PASID). Otherwise none.
    /// </summary>
    private static OutstandingFault? AnsweredFault(DeviceState s, CompletionDescriptor completion, int? pasid) =>
        s.Outstanding.TryGetValue(completion.Sequence, out var fault)
        && completion.FunctionId == fault.Payload.Vm
        && (fault.Buffer < 0 || completion.BufferIndex == fault.Buffer)
        && (pasid is null || pasid == ModelConfig.PasidOf(fault.Payload.Vm))
            ? fault
            : null;

    /// <summary>Claim 16: after a completion the device asks the IOMMU (ATS) for the page's translation again.</summary>
    internal static void RefreshAtc(DeviceState s, ProtocolContext ctx, OutstandingFault fault, CompletionDescriptor completion, StepResult r)
    {
        var page = fault.Payload.Page(ModelConfig.PageSize);
        switch (ctx.Rules.AtcRefill)
        {
            case AtcRefill.AskIommu:
                if (ctx.Config.TranslationCompletions == TranslationCompletionOrder.MayPass)
                {
                    var key = (fault.Payload.Vm, page);
                    s.RefreshesInFlight[key] = s.RefreshesInFlight.GetValueOrDefault(key) + 1;
                }

                r.Send(Role.Iommu, new TranslationRequest(fault.Payload.Vm, page, -1));
                break;
            case AtcRefill.TrustCompletionFrame:
                s.Atc[(fault.Payload.Vm, page)] = (int)completion.PageFrame;
                break;
        }
    }

    /// <summary>Designs that hold DMAs back until resources return: send them all on their way again, in order.</summary>
    internal static void RedispatchHeld(DeviceState s, ProtocolContext ctx, StepResult r)
    {
        if (s.Stalled.Count > 0 && !ctx.Config.Design.HeadOfLineBlocked(s) && HasPageRequestCredit(s, ctx))
        {
            var held = s.Stalled.ToList();
            s.Stalled.Clear();
            foreach (var p in held)
            {
                Dispatch(s, ctx, p, r);
            }
        }
    }
}
