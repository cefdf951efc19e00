namespace Iopf.Protocol.Descriptors;

/// <summary>
/// Outcome the driver reports for one fault: the three response codes of a PCIe PRI Page Request Group
/// Response (in this model's own 3-bit field, not PCIe's 4-bit encoding).
/// </summary>
public enum CompletionStatus
{
    /// <summary>The page was made present: the device may retry or consider its payload delivered.</summary>
    Success = 0,

    /// <summary>The page will never be made accessible: the device must not retry, the DMA ends in an error.</summary>
    InvalidRequest = 1,

    /// <summary>A catastrophic error: PCIe has the device disable page requests. No modelled VMM path answers it.</summary>
    ResponseFailure = 2,
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
