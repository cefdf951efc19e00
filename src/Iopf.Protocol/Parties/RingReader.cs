using Iopf.Protocol.Observations;
using Iopf.Protocol.Queues;

namespace Iopf.Protocol.Parties;

/// <summary>Every consumer pops through here, so what it read at which index is a fact the specifications see.</summary>
public static class RingReader
{
    /// <summary>Takes the next descriptor when the producer index says there is one; polling an empty ring is no read.</summary>
    /// <param name="layout">The layout the word is written in, when it is not the model's own for that ring (a real family's page request).</param>
    public static bool Pop(RingQueue ring, StepResult r, out UInt128 word, string? layout = null)
    {
        var index = ring.Head;
        if (!ring.TryPop(out word))
        {
            return false;
        }

        r.Observe(new DescriptorRead(ring.Name, index, word, layout));
        return true;
    }

    /// <summary>
    /// Takes a descriptor the consumer was told is published (claim 12: a fault descriptor's buffer location is in
    /// its ring before the fault is), so finding the ring empty is recorded as a read of nothing.
    /// </summary>
    public static bool PopPromised(RingQueue ring, StepResult r, out UInt128 word)
    {
        var index = ring.Head;
        if (Pop(ring, r, out word))
        {
            return true;
        }

        r.Observe(new DescriptorRead(ring.Name, index, null));
        return false;
    }
}
