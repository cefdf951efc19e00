using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The driver's reads of the IO page fault queue where publication is split (<see cref="ModelConfig.SplitsPublication"/>):
/// the producer index in one step, the slot it showed published in the next, then the consumer index write that
/// frees the slot. Between the two steps the device's slot write and index publication go on landing, so the driver
/// can see an index whose slot is not written yet (<see cref="Publication.IndexMayPassSlot"/>), or read a slot too
/// early (<see cref="QueueSlotRead.SlotBeforeIndex"/>), or free it too early (<see cref="SlotRelease.BeforeRead"/>).
/// </summary>
internal static class QueueReads
{
    /// <summary>
    /// Whether the driver checks a slot's Valid bit before taking it and clears the slot after: where the hardware
    /// may publish the index first (AMD IOMMU, erratum 733; Linux amd/ppr.c polls PPR_REQ_TYPE until the entry
    /// arrives, then zeroes the entry "to detect the hardware errata 733"). Where the hardware orders the slot before
    /// the index (SMMUv3: PRIQ entries carry no Valid bit), the driver relies on that order instead.
    /// </summary>
    public static bool ChecksSlots(ProtocolContext ctx) =>
        ctx.Config.Publication == Publication.IndexMayPassSlot && ctx.Rules.PublishedSlotCheck == PublishedSlotCheck.ValidBitAndClear;

    /// <summary>First step: read the producer index (Linux queue_sync_prod_in(), a readl() that orders the slot reads after it).</summary>
    public static void ReadIndex(DriverState s, ProtocolContext ctx, StepResult r)
    {
        var queue = ctx.Pinned.IopfQueue;
        if (ctx.Rules.QueueSlotRead == QueueSlotRead.SlotBeforeIndex)
        {
            // The bug of Linux a76a37777f2c: with readl_relaxed() the address-dependent slot load may be performed
            // before the index load, so what it returns can be older than the index that then says it is valid.
            s.Speculated = queue.SlotAt(queue.Head);
        }
        else if (queue.IsEmpty)
        {
            Driver.Rearm(ctx, r);
            return;
        }

        s.ReadingSlot = queue.Head;
        if (ctx.Rules.SlotRelease == SlotRelease.BeforeRead && !queue.IsEmpty)
        {
            queue.Advance(); // the slot is freed before it is read: the device may write the next lap into it
        }

        r.Send(Role.Driver, new ReadQueueSlot());
    }

    /// <summary>Second step: read the slot, check it where the hardware needs it, free it, and take the fault.</summary>
    public static void ReadSlot(DriverState s, ProtocolContext ctx, StepResult r)
    {
        var queue = ctx.Pinned.IopfQueue;
        var index = s.ReadingSlot ?? throw new ProtocolStateException("driver: read a queue slot without having read the producer index");
        UInt128 word;
        if (s.Speculated is { } early)
        {
            // Only now is the index read: nothing published means the early read is dropped and the driver goes idle.
            s.Speculated = null;
            if (queue.IsEmpty)
            {
                s.ReadingSlot = null;
                Driver.Rearm(ctx, r);
                return;
            }

            word = early;
        }
        else
        {
            word = queue.SlotAt(index);
        }

        if (ChecksSlots(ctx) && !Landed(ctx, word))
        {
            // The index went ahead of the slot write: poll the slot again, as amd/ppr.c does, rather than take it.
            if (ctx.Rules.QueueSlotRead == QueueSlotRead.SlotBeforeIndex)
            {
                s.Speculated = queue.SlotAt(index);
            }

            r.Send(Role.Driver, new ReadQueueSlot());
            return;
        }

        if (ctx.Rules.SlotRelease == SlotRelease.AfterRead)
        {
            queue.Advance(); // the consumer index write, ordered after the slot read (Linux queue_sync_cons_out())
        }

        if (ChecksSlots(ctx))
        {
            queue.WriteSlot(index, UInt128.Zero);
        }

        s.ReadingSlot = null;
        var codec = ctx.Config.Codec;
        RingReader.Took(queue, index, word, r, codec.IsModel ? null : codec.RequestLayout);
        Driver.Take(s, ctx, word, r);
    }

    // A slot the driver may take: its Valid bit is set, and so is its buffer location's, when the design parks payloads.
    private static bool Landed(ProtocolContext ctx, UInt128 word)
    {
        if (!FaultDescriptor.Decode(word).Valid)
        {
            return false;
        }

        var locations = ctx.Pinned.FaultBufferQueue;
        return !ctx.Config.Design.UsesFaultBuffers || locations.IsEmpty || BufferLocationDescriptor.Decode(locations.SlotAt(locations.Head)).Valid;
    }
}
