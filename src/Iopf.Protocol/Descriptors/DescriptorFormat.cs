namespace Iopf.Protocol.Descriptors;

/// <summary>Which side of the page-request exchange a format carries.</summary>
public enum FormatRole
{
    /// <summary>The IOMMU reports a page request to software (VT-d page request descriptor, SMMUv3 PRIQ entry, ...).</summary>
    Request,

    /// <summary>Software answers it (VT-d page group response, SMMUv3 CMD_PRI_RESP, ...).</summary>
    Response,

    /// <summary>A descriptor of the model's own claimed design (not a real IOMMU's).</summary>
    Model,
}

/// <summary>What a decoder does with a word whose reserved bits are set.</summary>
public enum ReservedOnDecode
{
    /// <summary>Rejects it (as strict hardware does: an invalid command or a malformed entry).</summary>
    Reject,

    /// <summary>Ignores the reserved bits and decodes the rest (as lenient hardware does).</summary>
    Ignore,
}

/// <summary>
/// One descriptor format read from a layout file: its bit layout (the one the codec and the SMT twins are
/// generated from) and what the file says about it: the IOMMU family, the role, the public source its bit
/// positions come from, and the decoder's treatment of reserved bits.
/// </summary>
public sealed record DescriptorFormat(
    DescriptorLayout Layout,
    string Family,
    FormatRole Role,
    string Source,
    ReservedOnDecode ReservedBits,
    string Origin)
{
    public string Name => Layout.Name;

    /// <summary>
    /// The value of an identity assembled from the fields that carry it (each field's low bits placed at the
    /// identity bits it carries); bits no field carries are zero.
    /// </summary>
    public UInt128 Identity(IReadOnlyList<UInt128> values, string identity)
    {
        var value = UInt128.Zero;
        for (var i = 0; i < Layout.Fields.Count; i++)
        {
            if (Layout.Fields[i].Carries is { } carried && carried.Identity == identity)
            {
                value |= (values[i] & ((UInt128.One << carried.Width) - 1)) << carried.Low;
            }
        }

        return value;
    }

    /// <summary>The highest identity bit any field of the format carries, or -1.</summary>
    public int IdentityHighBit(string identity) =>
        Layout.Fields.Where(f => f.Carries?.Identity == identity).Select(f => f.Carries!.High).DefaultIfEmpty(-1).Max();

    /// <summary>The source line each field's position was taken from, where the file quotes one.</summary>
    public IReadOnlyDictionary<string, string> FieldSources { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
