using System.IO.Hashing;

namespace Iopf.Exhaustive;

/// <summary>
/// Gives each distinct canonical byte string a dense id (0, 1, 2, ... in first-seen order) and keeps the object
/// first seen with it. Equality is on the bytes themselves, so two different components never share an id.
/// The kept objects are frozen: nobody may mutate them once interned (steps run on copies).
/// </summary>
internal sealed class CanonicalInterner<T>
    where T : class
{
    private readonly Dictionary<byte[], int> ids = new(ByteStringComparer.Instance);
    private readonly List<T> items = [];

    public int Count => items.Count;

    public T this[int id] => items[id];

    /// <summary>The id of these canonical bytes; item is kept only when they are new.</summary>
    public int Intern(ReadOnlySpan<byte> canonical, T item)
    {
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(canonical, out var id))
        {
            return id;
        }

        id = items.Count;
        lookup[canonical] = id;
        items.Add(item);
        return id;
    }

    private sealed class ByteStringComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteStringComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => (int)XxHash3.HashToUInt64(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
