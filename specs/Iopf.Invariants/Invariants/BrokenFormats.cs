using Iopf.Protocol.Descriptors;

namespace Iopf.Invariants;

/// <summary>
/// Deliberately wrong copies of the real formats and pairings, each a bug class that ships in IOMMU drivers:
/// a response field filled from the wrong request field, a present bit taken from another flag, an identity
/// cut short, a field one bit group too narrow, a field widened into reserved bits. Each must be refuted.
/// </summary>
public static class BrokenFormats
{
    /// <summary>SMMUv3 CMD_PRI_RESP whose group id is filled from the SSID: the answer names another page request group.</summary>
    public static FormatPairing SmmuGroupIdFromSsid { get; } = Rewire("smmuv3", "GrpIdFromSsid", "GrpId", "Ssid");

    /// <summary>SMMUv3 CMD_PRI_RESP whose SSV is taken from PRG_LAST instead of SSID_V: a PASID answer sent without its PASID.</summary>
    public static FormatPairing SmmuSsvFromPrgLast { get; } = Rewire("smmuv3", "SsvFromPrgLast", "Ssv", "PrgLast");

    /// <summary>RISC-V ATS.PRGR without DSEG: the requester id's segment is lost, the response goes to another segment's device.</summary>
    public static FormatPairing RiscvWithoutDestinationSegment { get; } = Drop("riscv", "WithoutDseg", "Dseg");

    /// <summary>AMD-Vi COMPLETE_PPR_REQUEST filled from PPR_PASID1 alone: the PASID's top 4 bits (PPR_PASID2) are dropped.</summary>
    public static FormatPairing AmdPasidFromLowHalf { get; } = Rewire("amd-vi", "PasidFromPasidLo", "Pasid", "PasidLo");

    /// <summary>AMD-Vi COMPLETE_PPR_REQUEST with a 16-bit PASID field (the width older code masked it to): a 20-bit PASID does not fit.</summary>
    public static DescriptorFormat AmdCompletionPasid16 { get; } = Reshape("AmdCompletePprRequest", "Pasid16", "Pasid", width: 16);

    /// <summary>SMMUv3 CMD_PRI_RESP with Resp declared 3 bits wide: a response code of 4 sets a reserved bit, and the SMMU rejects the command.</summary>
    public static DescriptorFormat SmmuRespIntoReserved { get; } = Reshape("Smmuv3CmdPriResp", "RespIntoReserved", "Resp", width: 3);

    public static IReadOnlyList<FormatPairing> Pairings { get; } = [SmmuGroupIdFromSsid, SmmuSsvFromPrgLast, RiscvWithoutDestinationSegment, AmdPasidFromLowHalf];

    private static FormatPairing Pairing(string family) => FormatCatalog.Pairings.Single(p => p.Request.Family == family);

    private static FormatPairing Rewire(string family, string suffix, string responseField, string requestField)
    {
        var pairing = Pairing(family);
        var from = pairing.Request.Layout[requestField];
        var echoes = pairing.Echoes.Select(e => e.Response.Name == responseField ? new Echo(e.Response, from, null) : e).ToList();
        return pairing with { Name = pairing.Name + suffix, Echoes = echoes };
    }

    private static FormatPairing Drop(string family, string suffix, string responseField)
    {
        var pairing = Pairing(family);
        return pairing with { Name = pairing.Name + suffix, Echoes = [.. pairing.Echoes.Where(e => e.Response.Name != responseField)] };
    }

    private static DescriptorFormat Reshape(string name, string suffix, string field, int width)
    {
        var format = FormatCatalog.Find(name)!;
        var fields = format.Layout.Fields.Select(f => f.Name == field ? f with { Width = width } : f).ToArray();
        return format with { Layout = new DescriptorLayout(name + suffix, format.Layout.WidthBits, fields) };
    }
}
