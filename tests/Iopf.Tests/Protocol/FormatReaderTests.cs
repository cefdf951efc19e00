using System.Numerics;
using Iopf.Protocol.Descriptors;

namespace Iopf.Tests.Protocol;

public class FormatReaderTests
{
    private const string Header = """
        "name": "Demo", "family": "demo", "role": "request", "source": "a test", "widthBits": 16,
        """;

    [Theory]
    [InlineData("""{"name": "A", "offset": 0, "width": 8}, {"name": "B", "offset": 4, "width": 12}""", "demo.json:5: fields[1]: field B [4..15] overlaps field A [0..7]")]
    [InlineData("""{"name": "A", "offset": 0, "width": 8}, {"name": "B", "offset": 10, "width": 6}""", "demo.json:3: fields: bits [8..9] belong to no field; name them as a reserved field (or set \"gapsAllowed\": true)")]
    [InlineData("""{"name": "A", "offset": 0, "width": 8}, {"name": "B", "offset": 8, "width": 9}""", "demo.json:5: fields[1].width: field B [8..16] reaches beyond the 16-bit descriptor")]
    [InlineData("""{"name": "A", "offset": 0, "width": 8}, {"name": "A", "offset": 8, "width": 8}""", "demo.json:5: fields[1].name: duplicate field name 'A'")]
    [InlineData("""{"name": "A", "offset": 0, "width": 16, "kind": "magic"}""", "demo.json:4: fields[0].kind: 'magic' is not one of value, flag, reserved, constant")]
    [InlineData("""{"name": "A", "offset": 0, "width": 2, "kind": "flag"}, {"name": "B", "offset": 2, "width": 14}""", "demo.json:4: fields[0].width: a flag is one bit wide, not 2")]
    [InlineData("""{"name": "A", "offset": 0, "width": 4, "kind": "constant", "value": 16}, {"name": "B", "offset": 4, "width": 12}""", "demo.json:4: fields[0].value: 16 does not fit the field's 4 bits")]
    [InlineData("""{"name": "A", "offset": 0, "width": 4, "kind": "constant"}, {"name": "B", "offset": 4, "width": 12}""", "demo.json:4: fields[0].value: missing: the value a constant field always holds")]
    [InlineData("""{"name": "A", "offset": 0, "width": 16, "carries": "pasid[0:16]"}""", "demo.json:4: fields[0].carries: bits [0:16] of pasid do not fit the field's 16 bits")]
    [InlineData("""{"name": "A", "offset": 0, "width": 16, "carries": "PASID"}""", "demo.json:4: fields[0].carries: 'PASID' must name an identity, optionally with its bits: e.g. pasid or pasid[16:19]")]
    [InlineData("""{"name": "A", "offset": 0, "width": 16, "bits": 3}""", "demo.json:4: fields[0].bits: unknown key; valid here: carries, holds, kind, name, note, offset, source, value, width")]
    public void A_bad_layout_file_gets_one_line_naming_file_line_and_field(string fields, string expected)
    {
        var text = "{\n  " + Header + "\n  \"fields\": [\n    " + fields.Replace("}, {", "},\n    {", StringComparison.Ordinal) + "\n  ]\n}\n";
        var e = Assert.Throws<DataFileException>(() => FormatReader.Parse(text, "demo.json"));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void The_built_in_formats_are_the_models_three_and_two_per_real_family()
    {
        Assert.Equal(["model", "amd-vi", "riscv", "smmuv3", "vt-d"], FormatCatalog.Families);
        Assert.Equal(
            ["BufferLocationDescriptor", "CompletionDescriptor", "FaultDescriptor", "AmdCompletePprRequest", "AmdPprLogEntry", "RiscvAtsPrgr", "RiscvPqRecord", "Smmuv3CmdPriResp", "Smmuv3PriqEntry", "VtdPageGroupResponse", "VtdPageRequest"],
            FormatCatalog.BuiltIn.Select(f => f.Name));
        Assert.Equal(
            ["AmdPprLogEntryToAmdCompletePprRequest", "RiscvPqRecordToRiscvAtsPrgr", "Smmuv3PriqEntryToSmmuv3CmdPriResp", "VtdPageRequestToVtdPageGroupResponse"],
            FormatCatalog.Pairings.Select(p => p.Name));
        Assert.All(FormatCatalog.BuiltIn, f => Assert.Empty(f.Layout.Problems()));
    }

    [Fact]
    public void A_VT_d_page_request_codes_over_256_bits_with_its_fields_on_the_Linux_bits()
    {
        // struct page_req_dsc: type:8, pasid_present:1, rsvd:7, rid:16, pasid:20, ... ; qw1: rd, wr, lpig, prg_index:9, addr:52.
        var layout = FormatCatalog.Find("VtdPageRequest")!.Layout;
        var values = layout.Fields.Select(f => f.Name switch
        {
            "Type" => BigInteger.One,
            "PasidPresent" => BigInteger.One,
            "RequesterId" => new BigInteger(0x0100),
            "Pasid" => new BigInteger(0xABCDE),
            "Lpig" => BigInteger.One,
            "PrgIndex" => new BigInteger(0x1FF),
            "Address" => new BigInteger(0xF_FFFF_FFFF_FFFF),
            _ => BigInteger.Zero,
        }).ToArray();
        var word = layout.EncodeWord<BigInteger>(values);
        var qw0 = (ulong)(word & ulong.MaxValue);
        var qw1 = (ulong)((word >> 64) & ulong.MaxValue);
        Assert.Equal(0x000A_BCDE_0100_0101UL, qw0);
        Assert.Equal(0xFFFF_FFFF_FFFF_FFFCUL, qw1);
        Assert.Equal(BigInteger.Zero, word >> 128);
        Assert.True(layout.AcceptsStrictly(word));
        Assert.False(layout.AcceptsStrictly(word | (BigInteger.One << 200)));
        Assert.Equal(values, layout.DecodeWord(word));
        Assert.Throws<InvalidOperationException>(() => layout.Decode(UInt128.Zero));
    }

    [Fact]
    public void The_pairing_answers_an_AMD_request_with_its_whole_PASID_and_nine_bit_tag()
    {
        var pairing = FormatCatalog.Pairings.Single(p => p.Request.Name == "AmdPprLogEntry");
        var request = pairing.Request.Layout.Fields.Select(f => f.Name switch
        {
            "DeviceId" => 0x1234,
            "PasidLo" => 0xBEEF,
            "PasidHi" => 0xA,
            "Tag" => 0x3FF,
            "ReqType" => 1,
            _ => 0,
        }).Select(v => (UInt128)v).ToArray();
        var answer = pairing.Answer(request, f => f.Name == "Status" ? 0xFu : 0u);
        var response = pairing.Response.Layout;
        Assert.Equal((UInt128)0x1234, answer[response.IndexOf("DeviceId")]);
        Assert.Equal((UInt128)0xABEEF, answer[response.IndexOf("Pasid")]);
        Assert.Equal((UInt128)0x1FF, answer[response.IndexOf("CompletionTag")]);
        Assert.Equal((UInt128)7, answer[response.IndexOf("Opcode")]);
        Assert.Equal(pairing.Request.Identity(request, "pasid"), pairing.Response.Identity(answer, "pasid"));
    }

    [Theory]
    [InlineData("""{"request": "Smmuv3PriqEntry", "response": "Smmuv3CmdPriResp", "source": "s", "echo": [{"response": "Opcode", "from": "Sid"}]}""", "p.json:1: echo[0].response: Smmuv3CmdPriResp.Opcode is constant: the format fixes it, nothing is echoed into it")]
    [InlineData("""{"request": "Smmuv3PriqEntry", "response": "Smmuv3CmdPriResp", "source": "s", "echo": [{"response": "Sid", "from": "Sidd"}]}""", "p.json:1: echo[0].from: Smmuv3PriqEntry has no field 'Sidd', and it is no identity (e.g. pasid[0:19]); its fields: Sid, Ssid, Rsvd0, PermPriv, PermExec, PermRead, PermWrite, PrgLast, SsidValid, PrgIdx, Rsvd1, Addr")]
    [InlineData("""{"request": "Smmuv3CmdPriResp", "response": "Smmuv3CmdPriResp", "source": "s", "echo": []}""", "p.json:1: request: Smmuv3CmdPriResp is a response format, not a request")]
    [InlineData("""{"request": "Smmuv3PriqEntry", "response": "Smmuv3CmdPriResp", "source": "s", "echo": [{"response": "Sid", "from": "requesterId"}]}""", "p.json:1: echo[0].from: Smmuv3PriqEntry carries no bits of requesterId")]
    public void A_bad_pairing_file_gets_one_line(string text, string expected)
    {
        var e = Assert.Throws<DataFileException>(() => PairingReader.Parse(text, "p.json", FormatCatalog.Find));
        Assert.Equal(expected, e.Message);
    }
}
