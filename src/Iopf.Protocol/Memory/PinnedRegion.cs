namespace Iopf.Protocol.Memory;

/// <summary>
/// The pinned host memory region holding the fault buffers: buffer i lives at Base + i * BufferSize.
/// Base is aligned to BufferSize, and BufferSize is a power of two, so every buffer is aligned and the
/// buffers tile the region without overlap (proved for all indices by the Z3 suite).
/// </summary>
public sealed record PinnedRegion(ulong Base, ulong BufferSize, int BufferCount)
{
    /// <summary>Largest host physical address a descriptor can carry (52-bit BufferAddress field).</summary>
    public const ulong MaxAddress = (1UL << 52) - 1;

    public ulong Size => BufferSize * (ulong)BufferCount;

    public ulong AddressOf(int index)
    {
        if (index < 0 || index >= BufferCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"fault buffer {index} is outside 0..{BufferCount - 1}");
        }

        return Base + ((ulong)index * BufferSize);
    }

    /// <summary>Why this region is not a valid pinned region, or null when it is.</summary>
    public string? Problem()
    {
        if (BufferCount is < 1 or > 256)
        {
            return $"fault buffer count {BufferCount} is not in 1..256 (8-bit BufferIndex field)";
        }

        if (BufferSize == 0 || (BufferSize & (BufferSize - 1)) != 0)
        {
            return $"fault buffer size {BufferSize} is not a power of two";
        }

        if (Base % BufferSize != 0)
        {
            return $"pinned region base 0x{Base:x} is not aligned to the buffer size {BufferSize}";
        }

        if (Base + Size - 1 > MaxAddress || Base + Size < Base)
        {
            return $"pinned region 0x{Base:x}+{Size} does not fit the 52-bit address field";
        }

        return null;
    }
}
