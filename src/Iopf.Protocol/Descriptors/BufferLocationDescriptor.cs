namespace Iopf.Protocol.Descriptors;

/// <summary>
/// The fault buffer queue entry: the location of the pinned buffer holding a faulted payload (layout:
/// <see cref="Layouts.BufferLocation"/>). PageOffset says where in the faulted page the payload goes; a real
/// family's page request names only the page, so with one (<see cref="PageRequestCodec"/>) the driver takes the
/// payload's offset and length from here.
/// </summary>
public readonly record struct BufferLocationDescriptor(
    bool Valid,
    int BufferIndex,
    int Sequence,
    int Length,
    ulong BufferAddress,
    int PageOffset = 0)
{
    public UInt128 Encode() => Layouts.BufferLocation.Encode(
        [Valid ? 1u : 0u, (uint)BufferIndex, (uint)Sequence, (uint)Length, (uint)PageOffset, BufferAddress]);

    public static BufferLocationDescriptor Decode(UInt128 word)
    {
        var v = Layouts.BufferLocation.Decode(word);
        return new BufferLocationDescriptor(v[0] == 1, (int)v[1], (int)v[2], (int)v[3], (ulong)v[5], (int)v[4]);
    }
}
