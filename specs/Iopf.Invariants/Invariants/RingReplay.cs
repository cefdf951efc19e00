using Iopf.Protocol.Queues;

namespace Iopf.Invariants;

/// <summary>
/// A ring counterexample replayed on the real C# <see cref="RingQueue"/>: start both counters at Head, push
/// Live entries (entry k carries the value k), then look at the checks, push one more and pop the oldest.
/// </summary>
public sealed record RingReplay(int Capacity, uint Head, int Live, bool IsFull, bool IsEmpty, PushResult ExtraPush, int CountAfter, UInt128 Oldest)
{
    public static RingReplay Run(int capacity, uint head, int live, bool fullCheckOffByOne)
    {
        var ring = new RingQueue("counterexample", capacity, fullCheckOffByOne);
        ring.StartAt(head);
        for (var k = 0; k < live; k++)
        {
            if (ring.TryPush((UInt128)k) != PushResult.Accepted)
            {
                throw new InvalidOperationException($"ring of capacity {capacity} refused entry {k} of {live}");
            }
        }

        var (isFull, isEmpty) = (ring.IsFull, ring.IsEmpty);
        var extra = ring.TryPush((UInt128)live);
        var countAfter = ring.Count;
        ring.TryPop(out var oldest);
        return new RingReplay(capacity, head, live, isFull, isEmpty, extra, countAfter, oldest);
    }

    /// <summary>True when the push onto the ring overwrote a live entry: the oldest entry read back is not entry 0.</summary>
    public bool OverwroteLiveEntry => Live > 0 && Oldest != UInt128.Zero;

    public override string ToString() =>
        $"C# RingQueue started at head=0x{Head:x8} with {Live} of {Capacity} entries: IsFull={IsFull}, IsEmpty={IsEmpty}; one more push is {ExtraPush} (Count={CountAfter}); the oldest entry pops as {Oldest} (pushed as 0)";
}
