using Iopf.Protocol.Observations;
using Iopf.Protocol.Queues;

namespace Iopf.Protocol.Parties;

/// <summary>Every producer pushes through here, so each push is observed and a refused push is never silent.</summary>
public static class RingWriter
{
    public static bool Push(RingQueue ring, UInt128 word, StepResult r)
    {
        if (ring.TryPush(word) == PushResult.RefusedFull)
        {
            r.Observe(new QueuePushRefused(ring.Name));
            return false;
        }

        r.Observe(new QueueWrite(ring.Name, ring.Count, ring.Capacity));
        return true;
    }
}
