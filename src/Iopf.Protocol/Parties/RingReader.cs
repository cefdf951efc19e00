using Iopf.Protocol.Observations;
using Iopf.Protocol.Queues;

namespace Iopf.Protocol.Parties;

/// <summary>Every consumer pops through here, so what it read at which index is a fact the specifications see.</summary>
public static class RingReader
{
    /// <summary>
    /// Takes the next descriptor when the producer index says there is one; polling an empty ring is no read. With
    /// <paramref name="clear"/> the slot is zeroed after the read, so a later lap's unwritten slot reads as not valid.
    /// </summary>
    /// <param name="layout">The layout the word is written in, when it is not the model's own for that ring (a real family's page request).</param>
    public static bool Pop(RingQueue ring, StepResult r, out UInt128 word, string? layout = null, bool clear = false)
    {
        var index = ring.Head;
        if (!ring.TryPop(out word))
        {
            return false;
        }

        if (clear)
        {
            ring.WriteSlot(index, UInt128.Zero);
        }

        Took(ring, index, word, r, layout);
        return true;
    }

    /// <summary>
    /// Takes a descriptor the consumer was told is published (claim 12: a fault descriptor's buffer location is in
    /// its ring before the fault is), so finding the ring empty is recorded as a read of nothing.
    /// </summary>
    public static bool PopPromised(RingQueue ring, StepResult r, out UInt128 word, bool clear = false)
    {
        var index = ring.Head;
        if (Pop(ring, r, out word, clear: clear))
        {
            return true;
        }

        r.Observe(new DescriptorRead(ring.Name, index, null));
        return false;
    }

    /// <summary>The consumer took <paramref name="word"/> as the descriptor at counter <paramref name="index"/>.</summary>
    public static void Took(RingQueue ring, uint index, UInt128 word, StepResult r, string? layout = null) =>
        r.Observe(new DescriptorRead(ring.Name, index, word, layout));
}
