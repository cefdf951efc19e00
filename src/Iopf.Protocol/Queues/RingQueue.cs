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
        slots = (UInt128[])other.slots.Clone();
    }

    public string Name { get; }

    public int Capacity { get; }

    public bool FullCheckOffByOne { get; }

    /// <summary>Free-running consumer counter.</summary>
    public uint Head { get; private set; }

    /// <summary>Free-running producer counter.</summary>
    public uint Tail { get; private set; }

    /// <summary>Entries currently held; unsigned subtraction is correct across counter wrap-around.</summary>
    public int Count => (int)(Tail - Head);

    public bool IsEmpty => Tail == Head;

    public bool IsFull => FullCheckOffByOne ? Count == Capacity + 1 : Count == Capacity;

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
        return PushResult.Accepted;
    }

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
        if (!IsEmpty)
        {
            throw new InvalidOperationException($"ring {Name}: can only be positioned while empty");
        }

        Head = counter;
        Tail = counter;
    }

    public RingQueue Clone() => new(this);
}
