using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The device's protocol steps (claims 1-3, 16): DMA through the ATC, ATS translation, and on an I/O page
/// fault: park the payload in a pinned fault buffer, report it through the two queues, and on completion
/// free the buffer and refresh the ATC. The prior-art designs' fault paths are in DeviceDesigns.cs.
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
            case AtcInvalidate inv:
                s.Atc.Remove((inv.Function, inv.Page));
                r.Send(Role.Iommu, new AtcInvalidateAck(inv.Token));
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
        r.Observe(new PayloadAccepted(p));
        Dispatch(s, ctx, p, r);
        if (s.NextPayload < payloads.Length)
        {
            r.Send(Role.Device, new IssueNextDma());
        }
    }

    /// <summary>Sends one DMA on its way: behind an older payload to the same page, through the ATC, or to the IOMMU.</summary>
    private static void Dispatch(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        if (HeadOfLineBlocked(s, ctx))
        {
            s.Hold(p);
            return;
        }

        var page = p.Page(ModelConfig.PageSize);
        if (!OlderDmaAwaitsTranslation(s, p))
        {
            if (MustQueueBehindFault(s, ctx, p))
            {
                FaultPath(s, ctx, p, r);
                return;
            }

            if (s.Atc.TryGetValue((p.Vm, page), out var frame))
            {
                WriteDirect(ctx, p, frame, r);
                return;
            }
        }

        s.AwaitingTranslation[p.Id] = p;
        r.Send(Role.Iommu, new TranslationRequest(p.Vm, page, p.Id));
    }

    // Ordering: a payload may not overtake an older payload to the same page that still waits in a fault buffer,
    // or the older one's copy would later overwrite it.
    private static bool MustQueueBehindFault(DeviceState s, ProtocolContext ctx, Payload p) =>
        !ctx.Config.Has(Mutant.DirectWriteBypassesOrdering)
        && s.PageHasPendingFault(p.Vm, p.Page(ModelConfig.PageSize), ModelConfig.PageSize);

    // An older DMA to the same page still waits for its translation: taking the ATC or the fault path now
    // would overtake it. Asking the IOMMU too keeps the order, since it answers in request order (found by this model).
    private static bool OlderDmaAwaitsTranslation(DeviceState s, Payload p) =>
        s.AwaitingTranslation.Values.Any(o => o.Vm == p.Vm && o.Page(ModelConfig.PageSize) == p.Page(ModelConfig.PageSize));

    private static void OnTranslation(DeviceState s, ProtocolContext ctx, TranslationResponse t, StepResult r)
    {
        if (t.Job < 0)
        {
            // ATC refresh after a completion (claim 16): install whatever the IOMMU says now.
            if (t.Frame is { } refreshed)
            {
                s.Atc[(t.Function, t.Page)] = refreshed;
            }

            return;
        }

        if (!s.AwaitingTranslation.Remove(t.Job, out var p))
        {
            throw new ProtocolStateException($"device: translation response for unknown job {t.Job}");
        }

        if (s.Recalled.Remove(p.Id))
        {
            s.Hold(p);
            RetryStalled(s, ctx, r);
            return;
        }

        if (MustQueueBehindFault(s, ctx, p) || t.Frame is null)
        {
            FaultPath(s, ctx, p, r);
            return;
        }

        s.Atc[(t.Function, t.Page)] = t.Frame.Value;
        WriteDirect(ctx, p, t.Frame.Value, r);
    }

    private static void WriteDirect(ProtocolContext ctx, Payload p, int frame, StepResult r)
    {
        ctx.Host.Frame(frame).Write(p.Offset(ModelConfig.PageSize), p.Id);
        r.Observe(new GuestWrite(p.Vm, p.Gpa, frame, p.Id, p.Length, WritePath.Dma));
    }

    private static void FaultPath(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        switch (ctx.Config.Design)
        {
            case Design.Claimed:
                BufferFault(s, ctx, p, r);
                break;
            case Design.DropOnFault:
                r.Observe(new PayloadRejected(p, "DMA aborted: the page is not present and the IOMMU has no page-request support"));
                break;
            case Design.SkipToNextBuffer:
                SkipToNextBuffer(s, ctx, p, r);
                break;
            case Design.StallAndRetry or Design.CompletionInterrupt:
                RequestPage(s, ctx, p, r);
                break;
        }
    }

    /// <summary>Claimed design: park the payload in a fault buffer, or hold it back while no buffer or ring slot is free.</summary>
    private static void BufferFault(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        if (ctx.Config.Has(Mutant.DropWhenNoFaultBuffer) && !ctx.Pinned.Buffers.HasFree)
        {
            return; // the bug: accepted, then silently gone
        }

        if (s.Stalled.Count > 0 || !CanStartReport(s, ctx))
        {
            s.Hold(p); // back-pressure: the payload waits, it is never dropped
            return;
        }

        StartReport(s, ctx, p, r);
    }

    // One report at a time (each is two queue writes), and only with a free buffer and room in both rings.
    private static bool CanStartReport(DeviceState s, ProtocolContext ctx) =>
        s.Unpublished.Count == 0
        && ctx.Pinned.Buffers.HasFree
        && !ctx.Pinned.IopfQueue.IsFull
        && !ctx.Pinned.FaultBufferQueue.IsFull;

    /// <summary>First half of a fault report: store the payload, then write the buffer-location descriptor.</summary>
    private static void StartReport(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        var buffer = ctx.Pinned.Buffers.Allocate()!.Value;
        ctx.Pinned.Buffers.Store(buffer, p);
        r.Observe(new FaultBufferStored(buffer, p.Id));

        var function = ctx.Config.Has(Mutant.WrongVmInDescriptor) ? s.LastFaultFunction : p.Vm;
        s.LastFaultFunction = p.Vm;
        var fault = NewFault(s, p, buffer, function);
        var sequence = fault.Sequence;
        s.Unpublished.Add(sequence);

        if (ctx.Config.Has(Mutant.FaultBeforeLocation))
        {
            PublishFaultDescriptor(s, ctx, fault, r);
        }
        else
        {
            PublishLocation(ctx, fault, r);
        }

        r.Send(Role.Device, new FinishFaultReport(sequence));
    }

    private static void FinishReport(DeviceState s, ProtocolContext ctx, int sequence, StepResult r)
    {
        s.Unpublished.Remove(sequence);
        var fault = s.Outstanding[sequence];
        if (ctx.Config.Has(Mutant.FaultBeforeLocation))
        {
            PublishLocation(ctx, fault, r);
        }
        else
        {
            PublishFaultDescriptor(s, ctx, fault, r);
        }

        RetryStalled(s, ctx, r);
    }

    private static void PublishLocation(ProtocolContext ctx, OutstandingFault f, StepResult r)
    {
        var location = new BufferLocationDescriptor(
            true, f.Buffer, f.Sequence, f.Payload.Length, ctx.Pinned.Buffers.Region.AddressOf(f.Buffer));
        RingWriter.Push(ctx.Pinned.FaultBufferQueue, location.Encode(), r);
    }

    private static void PublishFaultDescriptor(DeviceState s, ProtocolContext ctx, OutstandingFault f, StepResult r)
    {
        var p = f.Payload;
        var descriptor = new FaultDescriptor(
            Valid: true,
            Write: true,
            Ordered: s.Outstanding.Values.Any(o => o.Sequence != f.Sequence && o.Payload.Vm == p.Vm && o.Payload.Page(ModelConfig.PageSize) == p.Page(ModelConfig.PageSize)),
            FunctionId: f.DescriptorFunction,
            Pasid: ModelConfig.PasidOf(f.DescriptorFunction),
            Sequence: f.Sequence,
            BufferIndex: Math.Max(f.Buffer, 0),
            Length: p.Length,
            Gpa: p.Gpa);
        if (RingWriter.Push(ctx.Pinned.IopfQueue, descriptor.Encode(), r))
        {
            r.Observe(new FaultRaised(f.Sequence, p.Vm, p.Gpa, f.Buffer));
            r.Send(Role.Driver, new FaultInterrupt());
        }
    }

    /// <summary>Completion (claim 4, 16): free each completed fault's buffer and refresh the ATC through ATS.</summary>
    private static void OnDoorbell(DeviceState s, ProtocolContext ctx, StepResult r)
    {
        while (ctx.Pinned.CompletionQueue.TryPop(out var word))
        {
            var completion = CompletionDescriptor.Decode(word);
            if (!s.Outstanding.Remove(completion.Sequence, out var fault))
            {
                throw new ProtocolStateException($"device: completion for unknown fault sequence {completion.Sequence}");
            }

            if (fault.Buffer >= 0)
            {
                var freed = ctx.Pinned.Buffers.Free(fault.Buffer);
                r.Observe(new FaultBufferFreed(fault.Buffer, DoubleFree: !freed));
            }

            r.Observe(new FaultNotified(fault.Sequence));

            var page = fault.Payload.Page(ModelConfig.PageSize);
            if (ctx.Config.Design.RetriesDma())
            {
                // Page-request designs: the faulted DMA joins the payloads held for its page; all are retried
                // below, in issue order. A younger DMA to the page whose translation is still in flight would
                // overtake them: recall it, so it is held when its answer comes (found by this model).
                s.Hold(fault.Payload);
                foreach (var young in s.AwaitingTranslation.Values.Where(a => a.Vm == fault.Payload.Vm && a.Page(ModelConfig.PageSize) == page))
                {
                    s.Recalled.Add(young.Id);
                }
            }
            else if (ctx.Config.Has(Mutant.TrustCompletionFrame))
            {
                s.Atc[(fault.Payload.Vm, page)] = (int)completion.PageFrame;
            }
            else
            {
                r.Send(Role.Iommu, new TranslationRequest(fault.Payload.Vm, page, -1));
            }
        }

        RetryStalled(s, ctx, r);
    }

    private static void RetryStalled(DeviceState s, ProtocolContext ctx, StepResult r)
    {
        if (ctx.Config.Design == Design.Claimed)
        {
            if (s.Stalled.Count > 0 && CanStartReport(s, ctx))
            {
                var p = s.Stalled[0];
                s.Stalled.RemoveAt(0);
                StartReport(s, ctx, p, r);
            }

            return;
        }

        // The other designs hold DMAs back until resources return: send them all on their way again, in order.
        if (s.Stalled.Count > 0 && !HeadOfLineBlocked(s, ctx) && HasPageRequestCredit(s, ctx))
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
