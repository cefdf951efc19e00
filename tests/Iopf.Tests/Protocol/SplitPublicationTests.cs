using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Parties;
using Iopf.Protocol.Queues;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Tests.Protocol;

/// <summary>
/// Split ring publication (world key "publication"): the device's slot write and index publication are bus events
/// of their own, and the driver reads the producer index and the slot in separate steps.
/// </summary>
public class SplitPublicationTests
{
    [Fact]
    public void A_claimed_slot_is_invisible_to_the_consumer_until_its_index_is_published()
    {
        var ring = new RingQueue("q", 2);
        Assert.Equal(0u, ring.TryReserve());
        Assert.Equal(1u, ring.TryReserve());
        Assert.True(ring.IsFull);
        Assert.Null(ring.TryReserve());
        Assert.True(ring.IsEmpty);

        ring.WriteSlot(0, 7);
        ring.Publish(1);
        Assert.Equal(1, ring.Count);
        Assert.Equal((UInt128)7, ring.SlotAt(0));
        Assert.Equal(UInt128.Zero, ring.SlotAt(1)); // claimed, not yet written

        ring.Advance();
        Assert.False(ring.IsFull);
        Assert.Equal(2u, ring.TryReserve());
    }

    [Fact]
    public void Ordered_publication_sends_the_slot_write_then_the_index_on_the_link_and_interrupts_only_when_the_index_lands()
    {
        var (world, fault) = ReportOneFault(Publication.Ordered);
        var link = fault.Sends.Where(e => e.To == Role.Link).Select(e => e.Message).ToList();

        Assert.Equal([new RingSlotWrite(DeviceRing.IopfQueue, 0, link.OfType<RingSlotWrite>().Single().Word), new RingIndexPublish(DeviceRing.IopfQueue, 1)], link);
        Assert.DoesNotContain(fault.Sends, e => e.Message is FaultInterrupt);
        Assert.True(world.Context.Pinned.IopfQueue.IsEmpty);

        Assert.Empty(world.Deliver(new Envelope(Role.Link, 0, link[0])).Sends);
        var published = world.Deliver(new Envelope(Role.Link, 0, link[1]));
        Assert.Equal([new Envelope(Role.Driver, 0, new FaultInterrupt())], published.Sends);
        Assert.Equal(1, world.Context.Pinned.IopfQueue.Count);
    }

    [Fact]
    public void Where_the_index_may_pass_the_slot_the_device_publishes_it_itself_and_the_slot_goes_on_the_link()
    {
        var (_, fault) = ReportOneFault(Publication.IndexMayPassSlot);
        Assert.Contains(fault.Sends, e => e is { To: Role.Link, Message: RingSlotWrite { Ring: DeviceRing.IopfQueue } });
        Assert.Contains(fault.Sends, e => e is { To: Role.Device, Message: RingIndexPublish { Ring: DeviceRing.IopfQueue, Tail: 1 } });
    }

    [Fact]
    public void The_driver_waits_for_a_published_slot_whose_write_has_not_landed_and_clears_it_after_the_read()
    {
        var (world, fault) = ReportOneFault(Publication.IndexMayPassSlot);
        var slot = fault.Sends.Select(e => e.Message).OfType<RingSlotWrite>().Single(m => m.Ring == DeviceRing.IopfQueue);
        PublishIndexAndLocation(world, fault);

        Assert.Equal([ReadSlot], world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt())).Sends);
        var early = world.Deliver(ReadSlot);
        Assert.Equal([ReadSlot], early.Sends); // polls again: nothing taken, head unmoved
        Assert.Empty(early.Observations.OfType<DescriptorRead>());
        Assert.Equal(0u, world.Context.Pinned.IopfQueue.Head);

        world.Deliver(new Envelope(Role.Link, 0, slot));
        var taken = world.Deliver(ReadSlot);
        Assert.Contains(taken.Sends, e => e.Message is ResolveFault { Sequence: 0 });
        Assert.Equal(new DescriptorRead(PinnedMemory.IopfQueueName, 0, slot.Word), taken.Observations.OfType<DescriptorRead>().First());
        Assert.Equal(1u, world.Context.Pinned.IopfQueue.Head);
        Assert.Equal(UInt128.Zero, world.Context.Pinned.IopfQueue.SlotAt(0));
    }

    [Fact]
    public void A_driver_that_trusts_the_index_takes_the_unwritten_slot()
    {
        var (world, fault) = ReportOneFault(Publication.IndexMayPassSlot, "PublishedIndexTrusted");
        PublishIndexAndLocation(world, fault);

        world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));
        var taken = world.Deliver(ReadSlot);

        Assert.Equal(new DescriptorRead(PinnedMemory.IopfQueueName, 0, UInt128.Zero), taken.Observations.OfType<DescriptorRead>().First());
    }

    [Fact]
    public void A_driver_whose_slot_read_goes_before_its_index_read_takes_what_the_slot_held_before_the_write()
    {
        var (world, fault) = ReportOneFault(Publication.Ordered, "SlotReadBeforeProducerIndex");
        Assert.Equal([ReadSlot], world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt())).Sends); // reads the empty slot
        foreach (var m in fault.Sends.Where(e => e.To == Role.Link))
        {
            world.Deliver(m);
        }

        var taken = world.Deliver(ReadSlot);

        Assert.Equal(new DescriptorRead(PinnedMemory.IopfQueueName, 0, UInt128.Zero), taken.Observations.OfType<DescriptorRead>().First());
    }

    [Fact]
    public void Atomic_publication_is_one_step_with_its_interrupt()
    {
        var (world, fault) = ReportOneFault(Publication.Atomic);
        Assert.DoesNotContain(fault.Sends, e => e.Message is RingSlotWrite or RingIndexPublish);
        Assert.Contains(fault.Sends, e => e.Message is FaultInterrupt);
        Assert.Equal(1, world.Context.Pinned.IopfQueue.Count);
    }

    [Fact]
    public void An_index_that_may_pass_its_slot_needs_the_model_formats_whose_valid_bit_the_driver_waits_for()
    {
        var config = WorldCatalog.Find("IndexPassesSlot")!.Config;
        Assert.Empty(config.Problems());
        var smmu = config with { Codec = PageRequestCodec.Find("smmuv3", out _)! };

        Assert.Equal(["publication: indexMayPassSlot needs the model's descriptor formats (the driver waits for their Valid bit), not smmuv3"], smmu.Problems());
        Assert.Empty((smmu with { Publication = Publication.Ordered }).Problems());
    }

    private static Envelope ReadSlot { get; } = new(Role.Driver, 0, new ReadQueueSlot());

    /// <summary>The first payload of SlotsPublishedInOrder faults; returns the step that publishes its fault descriptor.</summary>
    private static (World World, StepResult FaultReport) ReportOneFault(Publication publication, string? mutant = null)
    {
        var definition = WorldCatalog.Find("SlotsPublishedInOrder")!;
        var config = (mutant is null ? definition : definition.WithMutants([Mutant.Find(mutant)!])).Config with { Publication = publication };
        var world = World.Create(config).World;
        world.Deliver(new Envelope(Role.Device, 0, new IssueNextDma()));
        world.Deliver(new Envelope(Role.Device, 0, new TranslationResponse(0, 0, 0, null)));
        return (world, world.Deliver(new Envelope(Role.Device, 0, new FinishFaultReport(0))));
    }

    // The fault buffer queue's location (written in the step before) lands, then the fault descriptor's index, not its slot.
    private static void PublishIndexAndLocation(World world, StepResult fault)
    {
        var locations = world.Context.Pinned.FaultBufferQueue;
        locations.WriteSlot(0, new BufferLocationDescriptor(true, 0, 0, 64, world.Context.Pinned.Buffers.Region.AddressOf(0)).Encode());
        locations.Publish(1);
        var index = fault.Sends.Single(e => e.Message is RingIndexPublish { Ring: DeviceRing.IopfQueue });
        world.Deliver(index);
    }
}
