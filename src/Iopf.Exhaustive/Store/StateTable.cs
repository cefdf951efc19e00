using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Iopf.Exhaustive;

/// <summary>
/// The set of explored states, each a fixed-width vector of component ids (<see cref="StateLayout"/>), stored
/// back to back and numbered in insertion order. Open addressing on the vector's 64-bit hash, with the whole
/// vector compared on a hash match: membership is exact, never a probabilistic hash-compaction guess.
/// </summary>
internal sealed class StateTable
{
    private readonly int width;
    private int[] vectors;
    private ulong[] hashes;
    private int[] buckets; // 0: empty; otherwise id + 1
    private int count;

    public StateTable(int width)
    {
        this.width = width;
        vectors = new int[width * 4096];
        hashes = new ulong[4096];
        buckets = new int[8192];
    }

    public int Count => count;

    /// <summary>The stored vector of state id. Valid until the next <see cref="Intern"/>, which may move the storage.</summary>
    public ReadOnlySpan<int> this[int id] => vectors.AsSpan(id * width, width);

    /// <summary>The id of this vector; Added tells whether it was new.</summary>
    public (int Id, bool Added) Intern(ReadOnlySpan<int> vector)
    {
        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(vector));
        var mask = buckets.Length - 1;
        for (var b = (int)hash & mask; ; b = (b + 1) & mask)
        {
            var entry = buckets[b];
            if (entry == 0)
            {
                var id = Append(vector, hash);
                buckets[b] = id + 1;
                if (count * 2 > buckets.Length)
                {
                    Rehash();
                }

                return (id, true);
            }

            if (hashes[entry - 1] == hash && this[entry - 1].SequenceEqual(vector))
            {
                return (entry - 1, false);
            }
        }
    }

    private int Append(ReadOnlySpan<int> vector, ulong hash)
    {
        if (count == hashes.Length)
        {
            Array.Resize(ref hashes, count * 2);
            Array.Resize(ref vectors, vectors.Length * 2);
        }

        vector.CopyTo(vectors.AsSpan(count * width, width));
        hashes[count] = hash;
        return count++;
    }

    private void Rehash()
    {
        buckets = new int[buckets.Length * 2];
        var mask = buckets.Length - 1;
        for (var id = 0; id < count; id++)
        {
            var b = (int)hashes[id] & mask;
            while (buckets[b] != 0)
            {
                b = (b + 1) & mask;
            }

            buckets[b] = id + 1;
        }
    }
}
