namespace Iopf.Protocol.Descriptors;

/// <summary>
/// The three descriptor formats of the claimed design, declared once (name, bit offset, width).
/// Every ring slot is one 128-bit word; unlisted bits are reserved and written as zero.
/// </summary>
public static class Layouts
{
    /// <summary>Written by the device to the IO page fault queue: which VM/function faulted where, and which buffer holds the payload.</summary>
    public static readonly DescriptorLayout Fault = new(
        "FaultDescriptor",
        128,
        new BitField("Valid", 0, 1),
        new BitField("Write", 1, 1),
        new BitField("Ordered", 2, 1),
        new BitField("FunctionId", 4, 8),
        new BitField("Pasid", 12, 20),
        new BitField("Sequence", 32, 16),
        new BitField("BufferIndex", 48, 8),
        new BitField("Length", 56, 13),
        new BitField("Gpa", 76, 52));

    /// <summary>Written by the device to the fault buffer queue: where in the pinned region the payload was stored.</summary>
    public static readonly DescriptorLayout BufferLocation = new(
        "BufferLocationDescriptor",
        128,
        new BitField("Valid", 0, 1),
        new BitField("BufferIndex", 1, 8),
        new BitField("Sequence", 16, 16),
        new BitField("Length", 32, 13),
        new BitField("BufferAddress", 64, 52));

    /// <summary>Written by the driver to the completion queue once the fault is resolved.</summary>
    public static readonly DescriptorLayout Completion = new(
        "CompletionDescriptor",
        128,
        new BitField("Valid", 0, 1),
        new BitField("Status", 1, 3),
        new BitField("FunctionId", 4, 8),
        new BitField("Sequence", 16, 16),
        new BitField("BufferIndex", 32, 8),
        new BitField("PageFrame", 64, 40));

    public static IReadOnlyList<DescriptorLayout> All { get; } = [Fault, BufferLocation, Completion];
}
