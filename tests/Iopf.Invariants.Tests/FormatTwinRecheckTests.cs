using Iopf.Invariants.Smt;
using Iopf.Invariants.Z3Native;
using Iopf.Protocol.Descriptors;

namespace Iopf.Invariants.Tests;

/// <summary>
/// The real-format twins: each Z3 counterexample names exactly the identity (or field) the bug loses, and the
/// C# pairing, replayed on the model's request, loses it too while the correct pairing does not.
/// </summary>
public sealed class FormatTwinRecheckTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    public static TheoryData<string, string> PairingTwins => new()
    {
        { nameof(BrokenFormats.SmmuGroupIdFromSsid), "lost_prgIndex" },
        { nameof(BrokenFormats.SmmuSsvFromPrgLast), "lost_pasidValid" },
        { nameof(BrokenFormats.RiscvWithoutDestinationSegment), "lost_requesterId" },
        { nameof(BrokenFormats.AmdPasidFromLowHalf), "lost_pasid" },
    };

    [Theory]
    [MemberData(nameof(PairingTwins))]
    public void A_broken_pairing_loses_exactly_its_identity_and_the_correct_one_carries_it(string twinName, string label)
    {
        var pairing = (FormatPairing)typeof(BrokenFormats).GetProperty(twinName)!.GetValue(null)!;
        var twin = new PairingPreservesIdentity(pairing, Expectation.Refuted);
        var model = Model(twin);
        Assert.Equal([label], twin.Violations(model));

        var identity = label["lost_".Length..];
        var request = FormatSmt.Values(pairing.Request.Layout, PairingPreservesIdentity.RequestPrefix, model);
        var correct = FormatCatalog.Pairings.Single(p => p.Request == pairing.Request);
        Assert.NotEqual(pairing.Request.Identity(request, identity), pairing.Response.Identity(pairing.Answer(request, _ => 0), identity));
        Assert.Equal(correct.Request.Identity(request, identity), correct.Response.Identity(correct.Answer(request, _ => 0), identity));
    }

    [Fact]
    public void A_16_bit_PASID_field_cannot_hold_a_20_bit_PASID()
    {
        var twin = new FieldsHoldTheirRange(BrokenFormats.AmdCompletionPasid16, Expectation.Refuted);
        var stored = Model(twin)[FieldsHoldTheirRange.Stored(BrokenFormats.AmdCompletionPasid16.Layout["Pasid"])];
        Assert.InRange(stored, (UInt128)0x1_0000, (UInt128)0xF_FFFF);
    }

    [Fact]
    public void A_response_code_widened_into_reserved_bits_makes_the_strict_decoder_reject_the_command()
    {
        var format = BrokenFormats.SmmuRespIntoReserved;
        var twin = new ReservedBitsChecked(format, Expectation.Refuted);
        var model = Model(twin);
        var values = FormatSmt.Values(format.Layout, ReservedBitsChecked.Prefix, model);
        Assert.True(values[format.Layout.IndexOf("Resp")] >= 4);
        Assert.False(format.Layout.AcceptsStrictly(format.Layout.Encode(values)));
    }

    private IReadOnlyDictionary<string, UInt128> Model(Invariant invariant)
    {
        var result = fixture.Session.Check(invariant.SmtText);
        Assert.True(result.Outcome == SmtOutcome.Sat, $"{invariant.Name}: {result.Outcome} {result.Error}");
        return result.Model;
    }

    [Fact]
    public void A_lenient_decoder_reads_the_chosen_fields_whatever_the_reserved_bits_hold()
    {
        // The "ignore" reading: no built-in format uses it, so a format of the test's own exercises it.
        var format = Lenient(new BitField("Rsvd", 8, 8) { Kind = FieldKind.Reserved });
        var proof = new ReservedBitsChecked(format);
        Assert.Contains("the lenient decoder reads its chosen fields unchanged", proof.Statement, StringComparison.Ordinal);
        Assert.Equal(SmtOutcome.Unsat, fixture.Session.Check(proof.SmtText).Outcome);
        Assert.Contains("changed_Value", proof.SmtText, StringComparison.Ordinal);
        Assert.DoesNotContain("accepts", proof.SmtText, StringComparison.Ordinal);
    }

    private static DescriptorFormat Lenient(BitField reserved) => new(
        new DescriptorLayout("Lenient", 16, new BitField("Value", 0, 8), reserved),
        "test",
        FormatRole.Request,
        "a test",
        ReservedOnDecode.Ignore,
        "test");
}
