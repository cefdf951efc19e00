using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Iopf.Exhaustive;

/// <summary>
/// The set of explored states, each a fixed-width vector of component ids (<see cref="StateLayout"/>), stored in
/// fixed blocks and numbered in insertion order. Open addressing on the vector's hash, with the whole vector
/// compared on a hash match: membership is exact, never a probabilistic hash-compaction guess.
/// </summary>
/// <remarks>
/// A bucket holds 32 bits of the hash beside the id, so a probe that meets another state usually rejects it
/// without reading that state's vector (one cache miss per probe instead of two).
/// </remarks>
internal sealed class StateTable
{
    private const int BlockBits = 14;
    private const int BlockMask = (1 << BlockBits) - 1;
    private readonly int width;
    private readonly List<int[]> blocks = [];
    private long[] buckets = new long[1 << 16]; // 0: empty; otherwise (hash << 32) | (id + 1)
    private int count;

    public StateTable(int width) => this.width = width;

    public int Count => count;

    /// <summary>The stored vector of state id.</summary>
    public ReadOnlySpan<int> this[int id] => blocks[id >> BlockBits].AsSpan((id & BlockMask) * width, width);

    /// <summary>The id of this vector; Added tells whether it was new.</summary>
    public (int Id, bool Added) Intern(ReadOnlySpan<int> vector)
    {
        var hash = (uint)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(vector));
        var mask = buckets.Length - 1;
        for (var b = (int)(hash & (uint)mask); ; b = (b + 1) & mask)
        {
            var entry = buckets[b];
            if (entry == 0)
            {
                var id = Append(vector);
                buckets[b] = ((long)hash << 32) | (uint)(id + 1);
                if (count * 2 > buckets.Length)
                {
                    Rehash();
                }

                return (id, true);
            }

            var known = (int)(uint)entry - 1;
            if ((uint)(entry >>> 32) == hash && this[known].SequenceEqual(vector))
            {
                return (known, false);
            }
        }
    }

    private int Append(ReadOnlySpan<int> vector)
    {
        if ((count & BlockMask) == 0 && count >> BlockBits == blocks.Count)
        {
            blocks.Add(new int[(1 << BlockBits) * width]);
        }

        vector.CopyTo(blocks[count >> BlockBits].AsSpan((count & BlockMask) * width, width));
        return count++;
    }

    private void Rehash()
    {
        var old = buckets;
        buckets = new long[old.Length * 2];
        var mask = buckets.Length - 1;
        foreach (var entry in old)
        {
            if (entry == 0)
            {
                continue;
            }

            var b = (int)((uint)(entry >>> 32) & (uint)mask);
            while (buckets[b] != 0)
            {
                b = (b + 1) & mask;
            }

            buckets[b] = entry;
        }
    }
}
