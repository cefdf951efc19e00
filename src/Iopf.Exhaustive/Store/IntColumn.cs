namespace Iopf.Exhaustive;

/// <summary>
/// An append-only column of ints in fixed blocks: growing it never copies what is stored (a search's
/// per-state and per-edge columns reach tens of millions of entries, and doubling arrays would move them all).
/// </summary>
internal sealed class IntColumn
{
    private const int BlockBits = 16;
    private const int BlockMask = (1 << BlockBits) - 1;
    private readonly List<int[]> blocks = [];

    public int Count { get; private set; }

    public int this[int index]
    {
        get => blocks[index >> BlockBits][index & BlockMask];
        set => blocks[index >> BlockBits][index & BlockMask] = value;
    }

    public void Add(int value)
    {
        if ((Count & BlockMask) == 0 && Count >> BlockBits == blocks.Count)
        {
            blocks.Add(new int[1 << BlockBits]);
        }

        blocks[Count >> BlockBits][Count & BlockMask] = value;
        Count++;
    }
}
