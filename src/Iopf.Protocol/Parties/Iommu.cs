using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The IOMMU's steps: answer ATS translation requests, install mappings for the VMM, and on unmap invalidate
/// the device TLB before acknowledging, so the VMM never reuses a frame the device can still reach.
/// </summary>
public static class Iommu
{
    public static void Handle(IommuState s, ProtocolContext ctx, Message message, StepResult r, int choice = 0)
    {
        switch (message)
        {
            case TranslationRequest t:
                int? frame = s.Table.TryGetValue((t.Function, t.Page), out var f) ? f : null;
                var answer = new TranslationResponse(t.Function, t.Page, t.Job, frame);
                if (ctx.Config.TranslationCompletions == TranslationCompletionOrder.InOrder)
                {
                    r.Send(Role.Device, answer);
                    break;
                }

                // The walk is done and its answer fixed now; when it reaches the device is the scheduler's
                // choice, so a later answer, or an invalidation sent after an unmap, may overtake it (PCIe ordering).
                s.InFlight.Add(answer);
                r.Send(Role.Iommu, new ReleaseTranslation());
                break;
            case ReleaseTranslation:
                var index = choice % s.InFlight.Count;
                r.Send(Role.Device, s.InFlight[index]);
                s.InFlight.RemoveAt(index);
                break;
            case MapPage map:
                s.Table[(map.Function, map.Page)] = map.Frame;
                r.Send(Role.Vmm, new MapDone(map.Token));
                break;
            case UnmapPage unmap:
                s.Table.Remove((unmap.Function, unmap.Page));
                switch (ctx.Rules.AtcOnUnmap)
                {
                    case AtcOnUnmap.Invalidate:
                        // The unmap is acknowledged when the device confirms the invalidation (AtcInvalidateAck).
                        r.Send(Role.Device, new AtcInvalidate(unmap.Function, unmap.Page, unmap.Token));
                        break;
                    case AtcOnUnmap.Skip:
                        r.Send(Role.Vmm, new UnmapDone(unmap.Token));
                        break;
                    case AtcOnUnmap.AckBeforeInvalidationCompletes:
                        r.Send(Role.Device, new AtcInvalidate(unmap.Function, unmap.Page, unmap.Token));
                        r.Send(Role.Vmm, new UnmapDone(unmap.Token));
                        break;
                }

                break;
            case AtcInvalidateAck ack when ctx.Rules.AtcOnUnmap == AtcOnUnmap.Invalidate:
                r.Send(Role.Vmm, new UnmapDone(ack.Token));
                break;
            case AtcInvalidateAck:
                break; // the unmap was already acknowledged when the invalidation was sent
            case DetachFunction detach:
                // Teardown: the function's context (PASID) entry goes, and every translation with it. Its ATC was
                // cleared by the Function Level Reset, and answers still in flight are dropped by the stopped function.
                foreach (var key in s.Table.Keys.Where(k => k.Function == detach.Function).ToList())
                {
                    s.Table.Remove(key);
                }

                r.Send(Role.Vmm, new FunctionDetached(detach.Function));
                break;
            default:
                throw new UnexpectedMessageException(nameof(Iommu), message);
        }
    }
}
