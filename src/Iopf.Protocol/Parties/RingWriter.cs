using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Queues;

namespace Iopf.Protocol.Parties;

/// <summary>Every producer pushes through here, so each push is a fact the specifications see, refused or not.</summary>
public static class RingWriter
{
    public static bool Push(RingQueue ring, UInt128 word, StepResult r)
    {
        var index = ring.Tail;
        var refused = ring.TryPush(word) == PushResult.RefusedFull;
        r.Observe(new QueuePush(ring.Name, index, ring.Capacity, word, refused));
        return !refused;
    }

    /// <summary>
    /// The device pushes a descriptor into one of its rings. In one step, or, where publication is split, as a claimed
    /// slot whose write and index publication travel as bus events of their own: both on the device's link, so the
    /// slot lands first, or (<see cref="Publication.IndexMayPassSlot"/>) the slot on the link and the index published
    /// by the device itself, so the index and its interrupt may get there before the slot does. The push fact is the
    /// producer's: what it wrote at which index, whenever that lands.
    /// </summary>
    public static bool Publish(ProtocolContext ctx, DeviceRing which, UInt128 word, StepResult r)
    {
        var ring = ctx.Pinned.Ring(which);
        if (!ctx.Config.SplitsPublication)
        {
            if (!Push(ring, word, r))
            {
                return false;
            }

            Interrupt(ctx, which, r);
            return true;
        }

        var claimed = ring.TryReserve();
        r.Observe(new QueuePush(ring.Name, claimed ?? ring.Reserved, ring.Capacity, word, claimed is null));
        if (claimed is not { } index)
        {
            return false;
        }

        r.Send(Role.Link, new RingSlotWrite(which, index, word));
        var publisher = ctx.Config.Publication == Publication.Ordered ? Role.Link : Role.Device;
        r.Send(publisher, new RingIndexPublish(which, index + 1));
        return true;
    }

    /// <summary>A split publication's slot write lands in pinned memory.</summary>
    public static void Land(ProtocolContext ctx, RingSlotWrite write) => ctx.Pinned.Ring(write.Ring).WriteSlot(write.Index, write.Word);

    /// <summary>A split publication's producer index reaches the register the driver reads; it may interrupt the driver.</summary>
    public static void PublishIndex(ProtocolContext ctx, RingIndexPublish publish, StepResult r)
    {
        ctx.Pinned.Ring(publish.Ring).Publish(publish.Tail);
        Interrupt(ctx, publish.Ring, r);
    }

    // A fault descriptor just became visible: the IO page fault queue's line decides whether that interrupts the driver.
    private static void Interrupt(ProtocolContext ctx, DeviceRing which, StepResult r)
    {
        if (which == DeviceRing.IopfQueue && ctx.Pinned.IopfInterrupt.Raise(ctx.Pinned.IopfQueue))
        {
            r.Send(Role.Driver, new FaultInterrupt());
        }
    }
}
