using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The device's upstream link to the root complex: a translated DMA write lands in host memory only when the
/// link delivers it, and the device's Invalidate Completion reaches the IOMMU only behind the posted writes the
/// device sent before it (PCIe ordering, and the ATS rule that an Invalidate Completion orders after the
/// translated writes that used the invalidated entry). The device's later requests cannot overtake either. Where ring
/// publication is split, a descriptor's slot write and its producer index publication travel here too, in that order.
/// </summary>
public static class Link
{
    public static void Handle(ProtocolContext ctx, Message message, StepResult r)
    {
        switch (message)
        {
            case PostedWrite w:
                GuestWrites.Land(ctx, w.Vm, w.Gpa, w.Frame, w.PayloadId, w.Length, WritePath.Dma, r);
                break;
            case RingSlotWrite slot:
                RingWriter.Land(ctx, slot);
                break;
            case RingIndexPublish publish:
                RingWriter.PublishIndex(ctx, publish, r);
                break;
            case AtcInvalidateAck ack:
                r.Send(Role.Iommu, ack);
                break;
            case DmaStopped stopped:
                r.Send(Role.Vmm, stopped);
                break;
            default:
                throw new UnexpectedMessageException(nameof(Link), message);
        }
    }
}
