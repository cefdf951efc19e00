using Iopf.Protocol.Configuration;
using Iopf.Protocol.Parties;
using Iopf.Protocol.Queues;

namespace Iopf.Tests.Protocol;

/// <summary>The IO page fault queue's interrupt line: a level line on every entry, an edge once per empty-to-non-empty.</summary>
public class InterruptLineTests
{
    [Fact]
    public void A_level_line_interrupts_for_every_entry_and_stays_asserted_while_the_ring_holds_one()
    {
        var ring = new RingQueue("q", 4);
        var line = new InterruptLine(InterruptTrigger.Level);
        ring.TryPush(1);
        Assert.True(line.Raise(ring));
        ring.TryPush(2);
        Assert.True(line.Raise(ring));
        Assert.False(line.Pending);
        Assert.True(line.StillAsserted(ring));

        ring.TryPop(out _);
        ring.TryPop(out _);
        Assert.False(line.StillAsserted(ring));
    }

    [Fact]
    public void An_edge_line_fires_only_on_the_entry_that_made_the_ring_non_empty()
    {
        var ring = new RingQueue("q", 4);
        var line = new InterruptLine(InterruptTrigger.Edge);
        ring.TryPush(1);
        Assert.True(line.Raise(ring));
        Assert.True(line.Pending);
        ring.TryPush(2);
        Assert.False(line.Raise(ring));
        Assert.False(line.StillAsserted(ring));
    }

    [Fact]
    public void An_edge_line_stays_quiet_while_its_interrupt_is_pending_and_fires_again_once_taken()
    {
        var ring = new RingQueue("q", 4);
        var line = new InterruptLine(InterruptTrigger.Edge);
        ring.TryPush(1);
        Assert.True(line.Raise(ring));
        ring.TryPop(out _);

        // Empty again, but the first interrupt has not been taken: no second one.
        ring.TryPush(2);
        Assert.False(line.Raise(ring));

        line.Take();
        Assert.False(line.Pending);
        ring.TryPop(out _);
        ring.TryPush(3);
        Assert.True(line.Raise(ring));
    }

    [Fact]
    public void A_clone_keeps_the_pending_interrupt_and_is_independent()
    {
        var ring = new RingQueue("q", 4);
        var line = new InterruptLine(InterruptTrigger.Edge);
        ring.TryPush(1);
        line.Raise(ring);
        var copy = line.Clone();
        line.Take();
        Assert.True(copy.Pending);
        Assert.Equal(InterruptTrigger.Edge, copy.Trigger);
    }
}
