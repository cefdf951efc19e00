using Iopf.Protocol.Queues;

namespace Iopf.Tests.Protocol;

public class RingQueueTests
{
    [Fact]
    public void Refuses_a_push_when_full_and_keeps_every_entry()
    {
        var ring = new RingQueue("q", 2);
        Assert.Equal(PushResult.Accepted, ring.TryPush(1));
        Assert.Equal(PushResult.Accepted, ring.TryPush(2));
        Assert.True(ring.IsFull);
        Assert.Equal(PushResult.RefusedFull, ring.TryPush(3));
        Assert.True(ring.TryPop(out var a));
        Assert.True(ring.TryPop(out var b));
        Assert.Equal((UInt128)1, a);
        Assert.Equal((UInt128)2, b);
        Assert.False(ring.TryPop(out _));
        Assert.True(ring.IsEmpty);
    }

    [Fact]
    public void Full_and_empty_stay_distinct_across_the_32_bit_counter_wrap()
    {
        var ring = new RingQueue("q", 4);
        ring.StartAt(uint.MaxValue - 1);
        for (UInt128 i = 0; i < 4; i++)
        {
            Assert.Equal(PushResult.Accepted, ring.TryPush(i));
        }

        Assert.True(ring.IsFull);
        Assert.False(ring.IsEmpty);
        Assert.Equal(4, ring.Count);
        for (UInt128 i = 0; i < 4; i++)
        {
            Assert.True(ring.TryPop(out var v));
            Assert.Equal(i, v);
        }

        Assert.True(ring.IsEmpty);
        Assert.Equal(2u, ring.Head);
    }

    [Fact]
    public void The_off_by_one_mutant_overwrites_the_oldest_entry()
    {
        var ring = new RingQueue("q", 2, fullCheckOffByOne: true);
        ring.TryPush(1);
        ring.TryPush(2);
        Assert.Equal(PushResult.Accepted, ring.TryPush(3));
        Assert.Equal(3, ring.Count);
        Assert.True(ring.TryPop(out var first));
        Assert.Equal((UInt128)3, first); // slot 0 was overwritten: entry 1 is gone
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1 << 17)]
    public void Rejects_capacities_that_are_not_supported_powers_of_two(int capacity)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RingQueue("q", capacity));
        Assert.Contains("power of two", e.Message);
    }

    [Fact]
    public void A_clone_is_independent()
    {
        var ring = new RingQueue("q", 2);
        ring.TryPush(7);
        var copy = ring.Clone();
        copy.TryPop(out _);
        Assert.Equal(1, ring.Count);
        Assert.Equal(0, copy.Count);
    }

    [Fact]
    public void Slots_from_the_head_show_live_entries_first_then_stale_ones_across_the_wrap()
    {
        var ring = new RingQueue("q", 4);
        ring.StartAt(uint.MaxValue - 1);
        foreach (UInt128 d in new UInt128[] { 10, 11, 12 })
        {
            ring.TryPush(d);
        }

        ring.TryPop(out _);
        ring.TryPush(13);

        // Head is at 2^32 - 1 (slot 3); the live entries 11, 12, 13 follow, then the popped 10 as a stale slot.
        Assert.Equal([(UInt128)11, 12, 13, 10], Enumerable.Range(0, 4).Select(ring.SlotFromHead));
    }
}
