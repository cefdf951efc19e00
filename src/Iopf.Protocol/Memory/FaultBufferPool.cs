namespace Iopf.Protocol.Memory;

/// <summary>
/// The fixed set of pinned fault buffers. A buffer is either free or holds exactly one payload;
/// allocation always returns the lowest free index (deterministic), and a held buffer is never handed out again.
/// </summary>
public sealed class FaultBufferPool
{
    private readonly Payload?[] contents;
    private readonly bool[] allocated;

    public FaultBufferPool(PinnedRegion region)
    {
        var problem = region.Problem();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(region));
        }

        Region = region;
        contents = new Payload?[region.BufferCount];
        allocated = new bool[region.BufferCount];
    }

    private FaultBufferPool(FaultBufferPool other)
    {
        Region = other.Region;
        contents = (Payload?[])other.contents.Clone();
        allocated = (bool[])other.allocated.Clone();
    }

    public PinnedRegion Region { get; }

    public int Capacity => Region.BufferCount;

    public int InUse => allocated.Count(a => a);

    public bool HasFree => Array.IndexOf(allocated, false) >= 0;

    /// <summary>Takes the lowest free buffer, or returns null when every buffer is held.</summary>
    public int? Allocate()
    {
        var index = Array.IndexOf(allocated, false);
        if (index < 0)
        {
            return null;
        }

        allocated[index] = true;
        return index;
    }

    public bool IsAllocated(int index) => allocated[index];

    /// <summary>The device writes the payload into the buffer (a DMA into pinned memory: it cannot fault).</summary>
    public void Store(int index, Payload payload) => contents[index] = payload;

    /// <summary>What the buffer holds now (the VMM copies from here).</summary>
    public Payload? Read(int index) => index >= 0 && index < contents.Length ? contents[index] : null;

    /// <summary>Returns the buffer to the pool. False when it was not allocated (a double free).</summary>
    public bool Free(int index)
    {
        if (!allocated[index])
        {
            return false;
        }

        allocated[index] = false;
        return true;
    }

    public FaultBufferPool Clone() => new(this);
}
