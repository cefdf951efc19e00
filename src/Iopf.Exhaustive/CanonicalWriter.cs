using System.Buffers.Binary;

namespace Iopf.Exhaustive;

/// <summary>
/// Appends fixed-width little-endian fields to a reusable buffer: the same bytes a <see cref="BinaryWriter"/>
/// writes for these types, without a stream call per field (the encoder writes a few hundred per state).
/// </summary>
public sealed class CanonicalWriter
{
    private byte[] buffer = new byte[1024];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Write(bool value) => Write(value ? (byte)1 : (byte)0);

    public void Write(byte value) => Reserve(1)[0] = value;

    public void Write(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    public void Write(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void Write(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>A collection, length-prefixed: its count, then each item (in the collection's own order) by write.</summary>
    public void WriteAll<T>(IReadOnlyCollection<T> items, Action<CanonicalWriter, T> write)
    {
        Write(items.Count);
        foreach (var item in items)
        {
            write(this, item);
        }
    }

    private Span<byte> Reserve(int count)
    {
        if (Length + count > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Length + count));
        }

        var span = buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
