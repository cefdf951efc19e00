namespace Iopf.Protocol.Descriptors;

/// <summary>Outcome the driver reports for one fault.</summary>
public enum CompletionStatus
{
    Success = 0,
    InvalidRequest = 1,
    Rejected = 2,
}

/// <summary>The completion queue entry written by the driver (layout: <see cref="Layouts.Completion"/>).</summary>
public readonly record struct CompletionDescriptor(
    bool Valid,
    CompletionStatus Status,
    int FunctionId,
    int Sequence,
    int BufferIndex,
    ulong PageFrame)
{
    public UInt128 Encode() => Layouts.Completion.Encode(
        [Valid ? 1u : 0u, (uint)Status, (uint)FunctionId, (uint)Sequence, (uint)BufferIndex, PageFrame]);

    public static CompletionDescriptor Decode(UInt128 word)
    {
        var v = Layouts.Completion.Decode(word);
        return new CompletionDescriptor(v[0] == 1, (CompletionStatus)(int)v[1], (int)v[2], (int)v[3], (int)v[4], (ulong)v[5]);
    }
}
