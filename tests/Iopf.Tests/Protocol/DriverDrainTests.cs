using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Tests.Protocol;

/// <summary>
/// How the driver drains the IO page fault queue (QueueDrain): the protocol re-reads the producer index before it
/// goes idle; the two mutants stop early, which an edge line does not forgive and a level line does.
/// </summary>
public class DriverDrainTests
{
    [Fact]
    public void The_driver_takes_a_fault_published_while_it_was_busy_by_re_reading_the_producer_index()
    {
        var world = Edge();
        Publish(world, 0);
        Assert.Equal([Resolve(0)], world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt())).Sends);
        Publish(world, 1);

        var done = Finish(world, 0);

        Assert.Contains(Resolve(1), done.Sends);
        Assert.Equal(1, world.Driver.Current?.Fault.Sequence);
        Assert.Equal(0, world.Driver.KnownEntries);
        Assert.False(world.Driver.InterruptOwed);
    }

    [Fact]
    public void Taking_the_interrupt_clears_the_pending_edge()
    {
        var world = Edge();
        Publish(world, 0);
        Assert.True(world.Context.Pinned.IopfInterrupt.Raise(world.Context.Pinned.IopfQueue));
        world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));
        Assert.False(world.Context.Pinned.IopfInterrupt.Pending);
    }

    [Fact]
    public void Idle_without_rereading_takes_what_it_saw_and_leaves_a_later_fault_in_the_queue()
    {
        var world = Edge("IdleWithoutRereadingProducer");
        Publish(world, 0);
        Publish(world, 1);
        world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));
        Assert.Equal(1, world.Driver.KnownEntries);
        Publish(world, 2);

        Assert.Contains(Resolve(1), Finish(world, 0).Sends);
        var last = Finish(world, 1);

        Assert.DoesNotContain(last.Sends, e => e.Message is ResolveFault);
        Assert.Null(world.Driver.Current);
        Assert.Equal(1, world.Context.Pinned.IopfQueue.Count);
    }

    [Fact]
    public void Idle_without_rereading_on_a_level_line_is_interrupted_again_and_takes_the_later_fault()
    {
        var world = Level("IdleWithoutRereadingProducer");
        Publish(world, 0);
        Publish(world, 1);
        world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));
        Publish(world, 2);
        Finish(world, 0);

        Assert.Contains(Resolve(2), Finish(world, 1).Sends);
        Assert.Equal(0, world.Context.Pinned.IopfQueue.Count);
    }

    [Fact]
    public void One_fault_per_interrupt_leaves_the_second_fault_in_the_queue_on_an_edge_line()
    {
        var world = Edge("OneFaultPerInterrupt");
        Publish(world, 0);
        Publish(world, 1);
        world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));

        var done = Finish(world, 0);

        Assert.DoesNotContain(done.Sends, e => e.Message is ResolveFault);
        Assert.Null(world.Driver.Current);
        Assert.Equal(1, world.Context.Pinned.IopfQueue.Count);
    }

    [Fact]
    public void One_fault_per_interrupt_runs_once_more_for_an_interrupt_that_came_while_it_was_busy()
    {
        var world = Edge("OneFaultPerInterrupt");
        Publish(world, 0);
        world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));
        Publish(world, 1);
        world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));
        Assert.True(world.Driver.InterruptOwed);

        Assert.Contains(Resolve(1), Finish(world, 0).Sends);
        Assert.False(world.Driver.InterruptOwed);
    }

    private static World Edge(string? mutant = null) => Create(mutant, InterruptTrigger.Edge);

    private static World Level(string? mutant = null) => Create(mutant, InterruptTrigger.Level);

    private static World Create(string? mutant, InterruptTrigger trigger)
    {
        var definition = WorldCatalog.Find("EdgeInterruptBurst")!;
        var config = (mutant is null ? definition : definition.WithMutants([Mutant.Find(mutant)!])).Config;
        return World.Create(config with { Interrupts = trigger }).World;
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

    /// <summary>The VMM resolves fault <paramref name="sequence"/> and copies its payload: the step of the driver after the copy.</summary>
    private static StepResult Finish(World world, int sequence)
    {
        world.Deliver(new Envelope(Role.Driver, 0, new PageReady(sequence, sequence)));
        return world.Deliver(new Envelope(Role.Driver, 0, new CopyDone(sequence)));
    }

    private static Envelope Resolve(int sequence) => new(Role.Vmm, 0, new ResolveFault(sequence, 0, (ulong)sequence));
}
