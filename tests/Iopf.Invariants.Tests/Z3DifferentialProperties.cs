using FsCheck.Xunit;
using Iopf.Invariants.Smt;
using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;

namespace Iopf.Invariants.Tests;

/// <summary>
/// The generated SMT functions compute what the C# code computes, on random inputs: this is what makes a Z3
/// proof about encode_/decode_/fault_extent_well_formed a proof about the C# code. The broken layouts are
/// included on purpose: the SMT twin must misbehave exactly as C# does.
/// </summary>
public sealed class Z3DifferentialProperties(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private static readonly IReadOnlyList<DescriptorLayout> AllLayouts = [.. Layouts.All, .. BrokenLayouts.All];

    [Property(MaxTest = 60)]
    public bool Z3_encoder_equals_CSharp_Encode(byte layoutPick, int seed)
    {
        var layout = AllLayouts[layoutPick % AllLayouts.Count];
        var random = new Random(seed);
        var values = layout.Fields.Select(f => CodecProperties.RandomValue(random, f)).ToArray();
        var output = fixture.Session.Run(LayoutSmt.Definitions(layout) + $"(simplify {LayoutSmt.EncodeCall(layout, values)})\n");
        return ModelParser.ParseValue(output) == layout.Encode(values);
    }

    [Property(MaxTest = 60)]
    public bool Z3_decoders_equal_CSharp_Decode(byte layoutPick, ulong low, ulong high)
    {
        var layout = AllLayouts[layoutPick % AllLayouts.Count];
        var word = ((UInt128)high << 64) | low;
        var calls = string.Concat(layout.Fields.Select(f => $"(simplify ({LayoutSmt.DecodeName(layout, f)} {SmtLiteral.Bv(word, LayoutSmt.WordBits(layout))}))\n"));
        var lines = fixture.Session.Run(LayoutSmt.Definitions(layout) + calls).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Select(ModelParser.ParseValue).SequenceEqual(layout.Decode(word));
    }

    [Property(MaxTest = 80)]
    public bool Z3_fault_extent_predicate_equals_CSharp(ulong rawGpa, int length, int pagesPerVm, bool structured)
    {
        // Half the cases near the interesting boundaries (small pages, offsets near the page end); the other half
        // spread over all 64/32 bits (FsCheck's numbers are small; multiplying by an odd constant is a bijection),
        // so sign- versus zero-extension of a negative pagesPerVm and huge GPAs are exercised too.
        var gpa = structured ? ((rawGpa % 8) * FaultExtent.PageSize) + (FaultExtent.PageSize - 1 - ((rawGpa >> 3) % 16)) : unchecked(rawGpa * 0x9E3779B97F4A7C15UL);
        var len = structured ? Math.Abs(length % 20) : length;
        pagesPerVm = structured ? pagesPerVm : unchecked(pagesPerVm * (int)0x9E3779B1);
        foreach (var limit in new[] { FaultExtent.PageSize, FaultExtent.PageSize + 1 })
        {
            var smt = FaultExtent.SmtDefinition(limit)
                + $"(simplify ({FaultExtent.SmtName} {SmtLiteral.Bv(gpa, 64)} {SmtLiteral.Bv(unchecked((uint)len), 32)} {SmtLiteral.Bv(unchecked((uint)pagesPerVm), 32)}))\n";
            if ((ModelParser.ParseValue(fixture.Session.Run(smt)) == UInt128.One) != FaultExtent.IsWellFormed(gpa, len, pagesPerVm, limit))
            {
                return false;
            }
        }

        return true;
    }

    // A world may aim a payload at the one page just past its VM's memory (a stray DMA the VMM must reject), so
    // the configuration accepts exactly the extents well-formed in pagesPerVm + 1 pages; FaultExtent itself, the
    // rule for a fault the VMM backs, stays at pagesPerVm.
    [Property(MaxTest = 200)]
    public bool FaultExtent_agrees_with_ModelConfig_payload_validation(ulong rawGpa, int length, byte pages, bool structured)
    {
        var pagesPerVm = 1 + (pages % 4);
        var gpa = structured ? ((rawGpa % 6) * FaultExtent.PageSize) + (rawGpa >> 3) % FaultExtent.PageSize : rawGpa;
        var len = structured ? (length % 4200) : length;
        return ConfigRejects(gpa, len, pagesPerVm) == !FaultExtent.IsWellFormed(gpa, len, pagesPerVm + 1);
    }

    // The boundary the random cases above may miss: the last page of the VM, the stray page, the page after it.
    [Theory]
    [InlineData(1, 0UL, false)]
    [InlineData(1, 1UL, false)]
    [InlineData(1, 2UL, true)]
    [InlineData(3, 2UL, false)]
    [InlineData(3, 3UL, false)]
    [InlineData(3, 4UL, true)]
    public void ModelConfig_accepts_exactly_one_page_past_the_VM(int pagesPerVm, ulong page, bool rejected)
    {
        var gpa = (page * FaultExtent.PageSize) + 0x10;
        Assert.Equal(rejected, ConfigRejects(gpa, 8, pagesPerVm));
        Assert.Equal(page < (ulong)pagesPerVm, FaultExtent.IsWellFormed(gpa, 8, pagesPerVm));
    }

    private static bool ConfigRejects(ulong gpa, int length, int pagesPerVm)
    {
        var config = new ModelConfig { PagesPerVm = pagesPerVm, Payloads = [new Payload(0, 0, gpa, length)] };
        return config.Problems().Any(p => p.StartsWith("payloads[0]: gpa", StringComparison.Ordinal));
    }
}
