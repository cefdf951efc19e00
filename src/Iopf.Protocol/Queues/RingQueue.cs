namespace Iopf.Protocol.Queues;

/// <summary>Outcome of a push: a full ring refuses explicitly, it never drops or overwrites silently.</summary>
public enum PushResult
{
    Accepted,
    RefusedFull,
}

/// <summary>
/// A fixed-capacity ring of 128-bit descriptor slots in pinned memory, as a device and a driver share it.
/// Head and tail are free-running 32-bit counters; the slot is counter &amp; (capacity - 1), so full
/// (tail - head == capacity) and empty (tail == head) stay distinguishable. Capacity is a power of two in 2..65536.
/// </summary>
/// <remarks>
/// A push is one step (<see cref="TryPush"/>) or, where publication is split, three bus events: the producer claims
/// the next slot (<see cref="TryReserve"/>, its own write index), the slot write lands (<see cref="WriteSlot"/>) and
/// the producer index is published (<see cref="Publish"/>). The consumer sees only the published tail, and reads
/// whatever the slot holds when it reads it (<see cref="SlotAt"/>): a slot whose write has not landed yet still holds
/// the previous lap's descriptor, or zero.
/// </remarks>
public sealed class RingQueue
{
    public const int MinCapacity = 2;
    public const int MaxCapacity = 1 << 16;

    private readonly UInt128[] slots;

    /// <param name="name">Logical name used in traces and monitor verdicts.</param>
    /// <param name="capacity">Power of two in 2..65536.</param>
    /// <param name="fullCheckOffByOne">The <see cref="Rules.RingFullCheck.OffByOne"/> choice: the full check admits one push too many, overwriting the oldest slot.</param>
    public RingQueue(string name, int capacity, bool fullCheckOffByOne = false)
    {
        if (!IsSupportedCapacity(capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), $"ring {name}: capacity {capacity} is not a power of two in {MinCapacity}..{MaxCapacity}");
        }

        Name = name;
        Capacity = capacity;
        FullCheckOffByOne = fullCheckOffByOne;
        slots = new UInt128[capacity];
    }

    private RingQueue(RingQueue other)
    {
        Name = other.Name;
        Capacity = other.Capacity;
        FullCheckOffByOne = other.FullCheckOffByOne;
        Head = other.Head;
        Tail = other.Tail;
        Reserved = other.Reserved;
        slots = (UInt128[])other.slots.Clone();
    }

    public string Name { get; }

    public int Capacity { get; }

    public bool FullCheckOffByOne { get; }

    /// <summary>Free-running consumer counter.</summary>
    public uint Head { get; private set; }

    /// <summary>Free-running producer counter, as published: what the consumer sees.</summary>
    public uint Tail { get; private set; }

    /// <summary>The producer's own write index: slots claimed, published or not (equal to <see cref="Tail"/> when pushes are single steps).</summary>
    public uint Reserved { get; private set; }

    /// <summary>Entries published and not yet consumed; unsigned subtraction is correct across counter wrap-around.</summary>
    public int Count => (int)(Tail - Head);

    public bool IsEmpty => Tail == Head;

    /// <summary>The producer's full check: slots it has claimed that the consumer has not freed.</summary>
    public bool IsFull => FullCheckOffByOne ? Claimed == Capacity + 1 : Claimed == Capacity;

    private int Claimed => (int)(Reserved - Head);

    public static bool IsSupportedCapacity(int capacity) =>
        capacity is >= MinCapacity and <= MaxCapacity && (capacity & (capacity - 1)) == 0;

    public PushResult TryPush(UInt128 descriptor)
    {
        if (IsFull)
        {
            return PushResult.RefusedFull;
        }

        slots[(int)(Tail & (uint)(Capacity - 1))] = descriptor;
        Tail++;
        Reserved = Tail;
        return PushResult.Accepted;
    }

    /// <summary>Split publication, producer: claims the next slot; its write and the index publication follow as their own events.</summary>
    public uint? TryReserve()
    {
        if (IsFull)
        {
            return null;
        }

        return Reserved++;
    }

    /// <summary>Split publication: the write of a claimed slot lands in pinned memory.</summary>
    public void WriteSlot(uint index, UInt128 descriptor) => slots[(int)(index & (uint)(Capacity - 1))] = descriptor;

    /// <summary>Split publication: the producer index moves to <paramref name="tail"/> (indices are published in order).</summary>
    public void Publish(uint tail) => Tail = tail;

    /// <summary>What the slot of counter <paramref name="index"/> holds now, live or stale.</summary>
    public UInt128 SlotAt(uint index) => slots[(int)(index & (uint)(Capacity - 1))];

    /// <summary>Split publication, consumer: frees the head slot for the producer (writes the consumer index).</summary>
    public void Advance() => Head++;

    public bool TryPop(out UInt128 descriptor)
    {
        if (IsEmpty)
        {
            descriptor = default;
            return false;
        }

        descriptor = slots[(int)(Head & (uint)(Capacity - 1))];
        Head++;
        return true;
    }

    /// <summary>The slot k places after the head (0 ≤ k &lt; capacity), live or stale: what an observer of the whole ring sees.</summary>
    public UInt128 SlotFromHead(int k) => slots[(int)((Head + (uint)k) & (uint)(Capacity - 1))];

    /// <summary>Sets both counters, e.g. to start a scenario just before the 32-bit counters wrap.</summary>
    public void StartAt(uint counter)
    {
        if (!IsEmpty || Reserved != Tail)
        {
            throw new InvalidOperationException($"ring {Name}: can only be positioned while empty");
        }

        Head = counter;
        Tail = counter;
        Reserved = counter;
    }

    public RingQueue Clone() => new(this);
}
