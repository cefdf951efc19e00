using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Parties;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Tests.Protocol;

/// <summary>
/// The overflow discipline of the IO page fault queue (iopfQueueFull: overflow): a report that finds the queue full
/// sets its overflow flag and is discarded, every report is discarded while the flag is set, the device keeps the
/// payload and retries it, and the driver clears the flag once it has drained the queue. Back-pressure stays the default.
/// </summary>
public class QueueOverflowTests
{
    private const string Queue = PinnedMemory.IopfQueueName;

    [Fact]
    public void A_report_that_finds_the_queue_full_sets_the_flag_and_is_discarded_and_the_payload_is_kept_for_a_retry()
    {
        var world = Issued();
        FillIopfQueue(world);

        var r = Fault(world, job: 2);

        Assert.True(world.Context.Pinned.IopfQueueOverflowed);
        Assert.Equal([new FaultReportDiscarded(2, Queue)], r.Observations);
        Assert.Equal([2], world.Device.Stalled.Select(p => p.Id));
        Assert.Empty(world.Device.Outstanding);
        Assert.True(world.Context.Pinned.Buffers.HasFree);
        Assert.Equal(0, world.Context.Pinned.FaultBufferQueue.Count);
    }

    [Fact]
    public void While_the_flag_is_set_a_report_is_discarded_even_with_room_in_the_queue()
    {
        var world = Issued();
        world.Context.Pinned.IopfQueueOverflowed = true;

        var r = Fault(world, job: 0);

        Assert.Equal([new FaultReportDiscarded(0, Queue)], r.Observations);
        Assert.True(world.Context.Pinned.IopfQueueOverflowed);
        Assert.Equal(0, world.Context.Pinned.IopfQueue.Count);
        Assert.Equal([0], world.Device.Stalled.Select(p => p.Id));
    }

    [Fact]
    public void Dropping_the_discarded_payload_keeps_nothing_to_retry()
    {
        var world = Issued("OverflowDropsPayload");
        FillIopfQueue(world);

        var r = Fault(world, job: 2);

        Assert.Equal([new FaultReportDiscarded(2, Queue)], r.Observations);
        Assert.Empty(world.Device.Stalled);
    }

    [Fact]
    public void Under_back_pressure_a_full_queue_holds_the_dma_and_sets_no_flag()
    {
        var world = Issued(discipline: IopfQueueFull.BackPressure);
        FillIopfQueue(world);

        var r = Fault(world, job: 2);

        Assert.Empty(r.Observations);
        Assert.False(world.Context.Pinned.IopfQueueOverflowed);
        Assert.Equal([2], world.Device.Stalled.Select(p => p.Id));
    }

    [Fact]
    public void Once_the_flag_is_cleared_the_next_completion_retries_the_discarded_report()
    {
        var world = Issued();
        world.Context.Pinned.IopfQueueOverflowed = true;
        Fault(world, job: 0);
        world.Context.Pinned.IopfQueueOverflowed = false;

        var r = world.Deliver(new Envelope(Role.Device, 0, new CompletionDoorbell()));

        Assert.Equal(new FaultBufferStored(0, 0), r.Observations[0]);
        Assert.Empty(world.Device.Stalled);
        Assert.Equal([0], world.Device.Outstanding.Keys);
    }

    [Fact]
    public void The_driver_clears_the_flag_only_when_it_finds_the_queue_drained()
    {
        var world = Issued();
        world.Context.Pinned.IopfQueueOverflowed = true;
        Publish(world, 0);

        var taken = world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));
        Assert.DoesNotContain(taken.Observations, o => o is QueueOverflowCleared);
        Assert.True(world.Context.Pinned.IopfQueueOverflowed);

        world.Deliver(new Envelope(Role.Driver, 0, new PageReady(0, 0)));
        var done = world.Deliver(new Envelope(Role.Driver, 0, new CopyDone(0)));

        Assert.Equal(new QueueOverflowCleared(Queue), done.Observations[^1]);
        Assert.False(world.Context.Pinned.IopfQueueOverflowed);
        Assert.Contains(done.Sends, e => e.Message is CompletionDoorbell);
    }

    [Fact]
    public void A_driver_that_never_rearms_leaves_the_flag_set_after_draining()
    {
        var world = Issued("OverflowNeverRearmed");
        world.Context.Pinned.IopfQueueOverflowed = true;

        var r = world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));

        Assert.DoesNotContain(r.Observations, o => o is QueueOverflowCleared);
        Assert.True(world.Context.Pinned.IopfQueueOverflowed);
    }

    /// <summary>The IopfQueueOverflow world with all three DMAs issued and waiting for their translations.</summary>
    private static World Issued(string? mutant = null, IopfQueueFull discipline = IopfQueueFull.Overflow)
    {
        var definition = WorldCatalog.Find("IopfQueueOverflow")!;
        var config = (mutant is null ? definition : definition.WithMutants([Mutant.Find(mutant)!])).Config;
        var world = World.Create(config with { IopfQueueFull = discipline }).World;
        for (var i = 0; i < config.Payloads.Length; i++)
        {
            world.Deliver(new Envelope(Role.Device, 0, new IssueNextDma()));
        }

        return world;
    }

    /// <summary>The IOMMU answers DMA <paramref name="job"/> (to page <paramref name="job"/>): not present.</summary>
    private static StepResult Fault(World world, int job) =>
        world.Deliver(new Envelope(Role.Device, 0, new TranslationResponse(0, (ulong)job, job, null)));

    private static void FillIopfQueue(World world)
    {
        var queue = world.Context.Pinned.IopfQueue;
        while (!queue.IsFull)
        {
            queue.TryPush(UInt128.One);
        }
    }

    /// <summary>Publishes fault <paramref name="sequence"/> of page <paramref name="sequence"/> in buffer <paramref name="sequence"/>, location first, as the device does.</summary>
    private static void Publish(World world, int sequence)
    {
        var pinned = world.Context.Pinned;
        var location = new BufferLocationDescriptor(true, sequence, sequence, 64, pinned.Buffers.Region.AddressOf(sequence));
        var fault = new FaultDescriptor(true, true, false, 0, ModelConfig.PasidOf(0), sequence, sequence, 64, (ulong)sequence * ModelConfig.PageSize);
        pinned.FaultBufferQueue.TryPush(location.Encode());
        pinned.IopfQueue.TryPush(fault.Encode());
    }
}
