namespace Iopf.Protocol.Descriptors;

/// <summary>
/// One response field filled from the request, as the driver (or the IOMMU) builds the response: from one
/// request field, or from bits of an identity the request carries over several fields (AMD-Vi's PASID is
/// two fields, PPR_PASID2 &lt;&lt; 16 | PPR_PASID1). The value is cut or zero-extended to the response field's width.
/// </summary>
public sealed record Echo(BitField Response, BitField? RequestField, CarriedBits? RequestIdentity)
{
    public override string ToString() => $"{Response.Name} <- {RequestField?.Name ?? RequestIdentity!.ToString()}";
}

/// <summary>
/// How software answers a page request of a family: which response field it fills from which request field
/// (the rest are its own choices, such as the response code). Declared once as data, in
/// specs/layouts/&lt;family&gt;/pairing.json; a proof checks that every identity the response carries comes
/// back equal to the request's (the response reaches the function, PASID and page request group that asked).
/// </summary>
public sealed record FormatPairing(
    string Name,
    DescriptorFormat Request,
    DescriptorFormat Response,
    IReadOnlyList<Echo> Echoes,
    string Source,
    string Origin)
{
    /// <summary>
    /// The response's field values (declaration order) for a request's decoded field values: each echoed field
    /// from the request, cut or zero-extended to its width; each other field the writer chooses from
    /// <paramref name="choose"/> (e.g. the response code); reserved fields zero and constants their value.
    /// </summary>
    public UInt128[] Answer(IReadOnlyList<UInt128> request, Func<BitField, UInt128> choose)
    {
        var values = new UInt128[Response.Layout.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var field = Response.Layout.Fields[i];
            var echo = Echoes.FirstOrDefault(e => e.Response == field);
            var value = echo switch
            {
                { RequestField: { } from } => request[Request.Layout.IndexOf(from.Name)],
                { RequestIdentity: { } bits } => Request.Identity(request, bits.Identity) >> bits.Low,
                _ => field.IsChosen ? choose(field) : field.FixedValue,
            };
            values[i] = value & field.MaxValue;
        }

        return values;
    }

    /// <summary>Every identity the response carries, in the order its fields first carry them.</summary>
    public IReadOnlyList<string> Identities =>
        [.. Response.Layout.Fields.Where(f => f.Carries is not null).Select(f => f.Carries!.Identity).Distinct(StringComparer.Ordinal)];
}
