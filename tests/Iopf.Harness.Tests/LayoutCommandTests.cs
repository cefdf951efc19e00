namespace Iopf.Harness.Tests;

/// <summary>`iopf layout`: a user's own layout and pairing files, outside the repository, checked as the built-in ones are.</summary>
[Collection(HarnessCollection.Name)]
public sealed class LayoutCommandTests : IDisposable
{
    private const string Request = """
        {
          "name": "AcmeRequest", "family": "acme", "role": "request", "source": "Acme IOMMU 1.0, 5.2", "widthBits": 64,
          "fields": [
            {"name": "Type", "offset": 0, "width": 4, "kind": "constant", "value": 3},
            {"name": "Pv", "offset": 4, "width": 1, "kind": "flag", "carries": "pasidValid"},
            {"name": "Rsvd", "offset": 5, "width": 3, "kind": "reserved"},
            {"name": "Rid", "offset": 8, "width": 16, "carries": "requesterId"},
            {"name": "Pasid", "offset": 24, "width": 20, "carries": "pasid", "holds": 1048575},
            {"name": "Prgi", "offset": 44, "width": 9, "carries": "prgIndex"},
            {"name": "Rsvd2", "offset": 53, "width": 11, "kind": "reserved"}
          ]
        }
        """;

    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    private static string Response(int pasidWidth) => $$"""
        {
          "name": "AcmeResponse", "family": "acme", "role": "response", "source": "Acme IOMMU 1.0, 5.3", "widthBits": 64,
          "fields": [
            {"name": "Type", "offset": 0, "width": 4, "kind": "constant", "value": 4},
            {"name": "Code", "offset": 4, "width": 4},
            {"name": "Rid", "offset": 8, "width": 16, "carries": "requesterId"},
            {"name": "Pasid", "offset": 24, "width": {{pasidWidth}}, "carries": "pasid"},
            {"name": "Rsvd", "offset": {{24 + pasidWidth}}, "width": {{40 - pasidWidth}}, "kind": "reserved"}
          ]
        }
        """;

    private const string Pairing = """
        { "request": "AcmeRequest", "response": "AcmeResponse", "source": "acme_page_response()",
          "echo": [ {"response": "Rid", "from": "Rid"}, {"response": "Pasid", "from": "Pasid"} ] }
        """;

    [Fact]
    public void A_users_formats_and_pairing_are_printed_and_proved()
    {
        var result = IopfCli.Run("layout", sandbox.Write("req.json", Request), sandbox.Write("resp.json", Response(20)), sandbox.Write("pairing.json", Pairing));

        Assert.True(result.ExitCode == ExitCodes.Holds, result.Out + result.Err);
        Assert.Contains("### AcmeRequest (acme request, 64 bits)", result.Out);
        Assert.Contains("| 43:24 | Pasid | value (holds up to 0xfffff) | pasid[0:19] |", result.Out);
        Assert.Contains("| 3:0 | Type | constant 4 |  |", result.Out);
        Assert.Contains("pairing-preserves-identity-AcmeRequestToAcmeResponse", result.Out);
        Assert.Contains("8 of 8 invariants proved for all values, 0 of 0 broken twins refuted with a counterexample; 0 unexpected.", result.Out);
    }

    [Fact]
    public void A_response_field_too_narrow_for_the_PASID_is_refuted_with_the_PASID_it_loses()
    {
        var result = IopfCli.Run("layout", sandbox.Write("req.json", Request), sandbox.Write("resp.json", Response(16)), sandbox.Write("pairing.json", Pairing));

        Assert.Equal(ExitCodes.Violated, result.ExitCode);
        Assert.Matches(@"pairing-preserves-identity-AcmeRequestToAcmeResponse\s*│ Proved\s*│ Refuted \(UNEXPECTED\)", result.Out);
        // The cell wraps; read it back as one line: the PASID sent needs more than 16 bits, only its low 16 come back.
        var flat = System.Text.RegularExpressions.Regex.Replace(result.Out, @"[│\s]+", " ");
        var lost = System.Text.RegularExpressions.Regex.Match(flat, @"answered by AcmeResponse \(C# FormatPairing.Answer\): pasid 0x([0-9a-f]+) comes back as 0x([0-9a-f]+)");
        Assert.True(lost.Success, flat);
        var sent = Convert.ToUInt64(lost.Groups[1].Value, 16);
        Assert.True(sent > 0xFFFF, lost.Value);
        Assert.Equal(sent & 0xFFFF, Convert.ToUInt64(lost.Groups[2].Value, 16));
        Assert.Contains("7 of 8 invariants proved for all values", result.Out);
    }

    [Fact]
    public void A_bad_layout_file_is_one_line_before_any_proof()
    {
        var bad = Request.Replace("\"offset\": 44, \"width\": 9", "\"offset\": 40, \"width\": 9", StringComparison.Ordinal);
        var path = sandbox.Write("req.json", bad);
        var result = IopfCli.Run("layout", path, sandbox.Write("resp.json", Response(20)));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal([$"iopf: {path}:9: fields[5]: field Prgi [40..48] overlaps field Pasid [24..43]"], result.ErrLines);
        Assert.Equal(string.Empty, result.Out);
    }
}
