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
}
