namespace Iopf.Protocol.Descriptors;

/// <summary>
/// The three descriptor formats of the claimed design, read from specs/layouts/model/*.json (the one
/// declaration: name, bit offset, width, kind). Every ring slot is one 128-bit word; bits no field names are
/// reserved and written as zero. The descriptor records (<see cref="FaultDescriptor"/>, ...) pass their values
/// in the order of their own fields, so each layout is checked here to declare exactly those fields in that
/// order: a reordered or renamed field in the file stops the program at start-up instead of mis-coding.
/// </summary>
public static class Layouts
{
    /// <summary>Written by the device to the IO page fault queue: which VM/function faulted where, and which buffer holds the payload.</summary>
    public static readonly DescriptorLayout Fault = Model(
        "FaultDescriptor", "Valid", "Write", "Ordered", "FunctionId", "Pasid", "Sequence", "BufferIndex", "Length", "Gpa");

    /// <summary>Written by the device to the fault buffer queue: where in the pinned region the payload was stored.</summary>
    public static readonly DescriptorLayout BufferLocation = Model(
        "BufferLocationDescriptor", "Valid", "BufferIndex", "Sequence", "Length", "PageOffset", "BufferAddress");

    /// <summary>Written by the driver to the completion queue once the fault is resolved.</summary>
    public static readonly DescriptorLayout Completion = Model(
        "CompletionDescriptor", "Valid", "Status", "FunctionId", "Sequence", "BufferIndex", "PageFrame");

    public static IReadOnlyList<DescriptorLayout> All { get; } = [Fault, BufferLocation, Completion];

    private static DescriptorLayout Model(string name, params string[] fields)
    {
        var format = FormatCatalog.Find(name) ?? throw new InvalidOperationException($"specs/layouts/{FormatCatalog.ModelFamily}/{name}.json is not embedded");
        var declared = format.Layout.Fields.Select(f => f.Name).ToArray();
        if (format.Family != FormatCatalog.ModelFamily || format.Layout.WidthBits != 128 || !declared.SequenceEqual(fields, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"{format.Origin}: the model codes a 128-bit {name} with fields {string.Join(", ", fields)}; the file declares {format.Layout.WidthBits} bits with {string.Join(", ", declared)}");
        }

        return format.Layout;
    }
}
