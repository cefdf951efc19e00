namespace Iopf.Protocol.Descriptors;

/// <summary>The IO page fault queue entry (layout: <see cref="Layouts.Fault"/>).</summary>
public readonly record struct FaultDescriptor(
    bool Valid,
    bool Write,
    bool Ordered,
    int FunctionId,
    int Pasid,
    int Sequence,
    int BufferIndex,
    int Length,
    ulong Gpa)
{
    public UInt128 Encode() => Layouts.Fault.Encode(
    [
        Valid ? 1u : 0u, Write ? 1u : 0u, Ordered ? 1u : 0u, (uint)FunctionId, (uint)Pasid,
        (uint)Sequence, (uint)BufferIndex, (uint)Length, Gpa,
    ]);

    public static FaultDescriptor Decode(UInt128 word)
    {
        var v = Layouts.Fault.Decode(word);
        return new FaultDescriptor(
            v[0] == 1, v[1] == 1, v[2] == 1, (int)v[3], (int)v[4], (int)v[5], (int)v[6], (int)v[7], (ulong)v[8]);
    }
}
