using System.Collections.Frozen;

namespace Iopf.Protocol.Descriptors;

/// <summary>
/// The response a device read from its completion queue, as the device sees it: the model's completion record
/// (for a real family, the buffer and frame a real response does not carry are left to the device's own
/// outstanding record: -1 and 0) and the PASID the response names, when its format carries one.
/// </summary>
public readonly record struct ResponseView(CompletionDescriptor Completion, int? Pasid);

/// <summary>
/// Which format family the device's IO page fault queue entries and the driver's completions are written in
/// (world key "descriptorFormats"). The model's own family writes <see cref="FaultDescriptor"/> and
/// <see cref="CompletionDescriptor"/> as before. A real family (smmuv3, amd-vi, riscv) writes its page request
/// layout into the IO page fault queue and its response layout into the completion queue, through the generic
/// <see cref="DescriptorLayout"/> codec: the device maps its fault onto the request's fields (requester or
/// stream id = function, PASID = <see cref="Configuration.ModelConfig.PasidOf"/>, PRG index = sequence, page
/// address = the GPA's page, the write flag, PASID-valid and last-in-group set), the driver decodes it, and
/// builds the response with the family's pairing (<see cref="FormatPairing.Answer"/>: every identity field
/// echoed from the request as specs/layouts/&lt;family&gt;/pairing.json declares it, the response code its own
/// choice); the device decodes the response and matches its PRG index, requester id and PASID against its
/// outstanding fault. What a real page request does not carry (the payload's fault buffer, its length and
/// its offset in the page) travels where the seed design keeps it: in the buffer-location descriptor of the
/// fault buffer queue (model format) and in the device's own outstanding record.
/// </summary>
public sealed class PageRequestCodec
{
    /// <summary>The per-family facts no layout file states: which fields hold the page address and the write flag, which the response code, and the response code of each outcome (from each family's own source, quoted in its layout file's field notes).</summary>
    private sealed record Binding(
        string Address,
        string WriteFlag,
        string ResponseCode,
        int Success,
        int InvalidRequest,
        int ResponseFailure,
        string[] RequestFlagsSet,
        string[] ResponseFlagsSet);

    private static readonly FrozenDictionary<string, Binding> Bindings = new Dictionary<string, Binding>(StringComparer.Ordinal)
    {
        // enum pri_resp { PRI_RESP_DENY = 0, PRI_RESP_FAIL = 1, PRI_RESP_SUCC = 2 }: Deny is PCIe's Invalid Request.
        ["smmuv3"] = new("Addr", "PermWrite", "Resp", 2, 0, 1, [], []),

        // The PCIe response codes (Success 0, Invalid Request 1, Response Failure 0xF); GN: the PASID is valid.
        ["amd-vi"] = new("Address", "Write", "Status", 0, 1, 0xF, ["GN"], ["GN"]),

        // RVI_IOMMU_PRGR_SUCCESS 0x0, RVI_IOMMU_PRGR_INVALID_REQUEST 0x1, RVI_IOMMU_PRGR_RESPONSE_FAILURE 0xF.
        ["riscv"] = new("PageAddress", "W", "ResponseCode", 0, 1, 0xF, [], []),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] FunctionIdentities = ["requesterId", "streamId"];

    private static readonly Lazy<FrozenDictionary<string, PageRequestCodec>> Catalogue = new(() =>
        FormatCatalog.Pairings.Where(p => Bindings.ContainsKey(p.Request.Family))
            .ToFrozenDictionary(p => p.Request.Family, p => new PageRequestCodec(p), StringComparer.Ordinal));

    private readonly Binding? binding;

    private PageRequestCodec()
    {
        Family = FormatCatalog.ModelFamily;
        SequenceModulus = 1 << Layouts.Fault["Sequence"].Width;
    }

    private PageRequestCodec(FormatPairing pairing)
    {
        Pairing = pairing;
        Family = pairing.Request.Family;
        binding = Bindings[Family];
        var prgHigh = pairing.Request.IdentityHighBit("prgIndex");
        SequenceModulus = 1 << (prgHigh + 1);
        FunctionIdentity = FunctionIdentities.FirstOrDefault(i => pairing.Request.IdentityHighBit(i) >= 0) ?? FunctionIdentities[0];
    }

    /// <summary>The model's own formats (the default).</summary>
    public static PageRequestCodec Model { get; } = new();

    /// <summary>Every family a world can choose, the model's first.</summary>
    public static IReadOnlyList<string> Families { get; } = [FormatCatalog.ModelFamily, .. FormatCatalog.Families.Where(Bindings.ContainsKey)];

    public string Family { get; }

    /// <summary>The family's pairing (null for the model's own formats).</summary>
    public FormatPairing? Pairing { get; }

    public bool IsModel => Pairing is null;

    /// <summary>The name of the layout the IO page fault queue's entries are written in.</summary>
    public string RequestLayout => Pairing?.Request.Name ?? Layouts.Fault.Name;

    /// <summary>Fault sequences wrap here: 2^16 for the model's Sequence field, 2^9 for a real family's PRG index.</summary>
    public int SequenceModulus { get; }

    private string FunctionIdentity { get; } = "function";

    /// <summary>The codec of a family a world names, or why there is none (one line for the world's key).</summary>
    public static PageRequestCodec? Find(string family, out string? problem)
    {
        problem = null;
        if (family == FormatCatalog.ModelFamily)
        {
            return Model;
        }

        if (Catalogue.Value.TryGetValue(family, out var codec))
        {
            return codec;
        }

        problem = family == "vt-d"
            ? "vt-d's 256-bit page request descriptors do not fit the model's 128-bit ring slots (its layouts are proved by the Z3 suite only)"
            : $"no format family '{family}'; one of {string.Join(", ", Families)}";
        return null;
    }

    /// <summary>A codec over a pairing of the caller's own (e.g. a deliberately broken one, to see the protocol's verdict on it).</summary>
    public static PageRequestCodec Over(FormatPairing pairing) =>
        Bindings.ContainsKey(pairing.Request.Family) && pairing.Request.Layout.WidthBits <= 128 && pairing.Response.Layout.WidthBits <= 128
            ? new PageRequestCodec(pairing)
            : throw new ArgumentException($"{pairing.Name}: the model runs only the families {string.Join(", ", Families)}");

    /// <summary>The sequence of an IO page fault queue entry written in the layout of that name (null: the model's), for a checker reading the ring's bits.</summary>
    public static int SequenceOf(string? requestLayout, UInt128 word)
    {
        if (requestLayout is null || requestLayout == Layouts.Fault.Name)
        {
            return FaultDescriptor.Decode(word).Sequence;
        }

        var codec = Catalogue.Value.Values.FirstOrDefault(c => c.RequestLayout == requestLayout)
            ?? throw new ArgumentException($"no family writes page requests in layout {requestLayout}");
        return codec.DecodeRequest(word).Sequence;
    }

    /// <summary>The IO page fault queue entry for a fault.</summary>
    public UInt128 EncodeRequest(FaultDescriptor fault)
    {
        if (Pairing is not { Request: var request } || binding is null)
        {
            return fault.Encode();
        }

        var layout = request.Layout;
        var values = new UInt128[layout.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var field = layout.Fields[i];
            values[i] = field switch
            {
                { IsChosen: false } => field.FixedValue,
                { Carries: { } carried } => Carried(carried, field, fault),
                _ when field.Name == binding.Address => (UInt128)(fault.Gpa / Configuration.ModelConfig.PageSize),
                _ when field.Name == binding.WriteFlag => fault.Write ? UInt128.One : UInt128.Zero,
                _ when binding.RequestFlagsSet.Contains(field.Name) => UInt128.One,
                _ => UInt128.Zero,
            };
        }

        return layout.Encode(values);
    }

    private UInt128 Carried(CarriedBits carried, BitField field, FaultDescriptor fault)
    {
        UInt128 identity = carried.Identity switch
        {
            "pasid" => (UInt128)fault.Pasid,
            "prgIndex" => (UInt128)fault.Sequence,
            "pasidValid" or "lastInGroup" => UInt128.One,
            _ when carried.Identity == FunctionIdentity => (UInt128)fault.FunctionId,
            _ => UInt128.Zero,
        };
        var bits = (identity >> carried.Low) & ((UInt128.One << carried.Width) - 1);
        return bits & field.MaxValue;
    }

    /// <summary>
    /// What the driver reads from an IO page fault queue entry. From a real family's request: function, PASID,
    /// sequence (the PRG index), the page's address and the write flag; the buffer, length and in-page offset
    /// are zero until the driver reads them from the buffer-location descriptor.
    /// </summary>
    public FaultDescriptor DecodeRequest(UInt128 word)
    {
        if (Pairing is not { Request: var request } || binding is null)
        {
            return FaultDescriptor.Decode(word);
        }

        var values = request.Layout.Decode(word);
        return new FaultDescriptor(
            Valid: true,
            Write: values[request.Layout.IndexOf(binding.WriteFlag)] == 1,
            Ordered: false,
            FunctionId: (int)request.Identity(values, FunctionIdentity),
            Pasid: (int)request.Identity(values, "pasid"),
            Sequence: (int)request.Identity(values, "prgIndex"),
            BufferIndex: 0,
            Length: 0,
            Gpa: (ulong)values[request.Layout.IndexOf(binding.Address)] * Configuration.ModelConfig.PageSize);
    }

    /// <summary>
    /// The completion queue entry answering the request word the driver read. For a real family the response is
    /// the pairing's answer to that request (identities echoed as the pairing declares, the response code for
    /// the completion's status); a completion that names another sequence than the request's (the driver's own
    /// mistake, mutant CompletionNamesWrongFault) writes that one into the PRG index instead of the echo.
    /// </summary>
    public UInt128 EncodeResponse(UInt128 requestWord, CompletionDescriptor completion)
    {
        if (Pairing is not { } pairing || binding is null)
        {
            return completion.Encode();
        }

        var request = pairing.Request.Layout.Decode(requestWord);
        var values = pairing.Answer(request, field =>
            field.Name == binding.ResponseCode ? (UInt128)Code(completion.Status)
            : binding.ResponseFlagsSet.Contains(field.Name) ? UInt128.One
            : UInt128.Zero);
        if (completion.Sequence != (int)pairing.Request.Identity(request, "prgIndex"))
        {
            for (var i = 0; i < values.Length; i++)
            {
                var field = pairing.Response.Layout.Fields[i];
                if (field.Carries is { Identity: "prgIndex" } carried)
                {
                    values[i] = ((UInt128)completion.Sequence >> carried.Low) & ((UInt128.One << carried.Width) - 1) & field.MaxValue;
                }
            }
        }

        return pairing.Response.Layout.Encode(values);
    }

    /// <summary>What the device reads from a completion queue entry.</summary>
    public ResponseView DecodeResponse(UInt128 word)
    {
        if (Pairing is not { Response: var response } || binding is null)
        {
            return new ResponseView(CompletionDescriptor.Decode(word), null);
        }

        var values = response.Layout.Decode(word);
        var code = (int)values[response.Layout.IndexOf(binding.ResponseCode)];
        var status = code == binding.Success ? CompletionStatus.Success
            : code == binding.InvalidRequest ? CompletionStatus.InvalidRequest
            : CompletionStatus.ResponseFailure;
        var completion = new CompletionDescriptor(
            true, status, (int)response.Identity(values, FunctionIdentity), (int)response.Identity(values, "prgIndex"), -1, 0);
        var pasidValid = response.IdentityHighBit("pasidValid") < 0 || response.Identity(values, "pasidValid") == 1;
        return new ResponseView(completion, pasidValid ? (int)response.Identity(values, "pasid") : -1);
    }

    private int Code(CompletionStatus status) => status switch
    {
        CompletionStatus.Success => binding!.Success,
        CompletionStatus.InvalidRequest => binding!.InvalidRequest,
        _ => binding!.ResponseFailure,
    };

    public override string ToString() => Family;
}
