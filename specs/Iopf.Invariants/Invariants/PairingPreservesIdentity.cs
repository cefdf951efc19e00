using System.Text;
using Iopf.Invariants.Smt;
using Iopf.Protocol.Descriptors;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// For every page request (every value of its chosen fields) and every choice software makes in the response
/// (the response code, ...), the response built by the pairing's echoes carries back every identity it names
/// (function, PASID and its present bit, PRG index, ...) equal to the request's, over every bit either side
/// carries: a response that reaches another function, PASID or page request group is a lost or misdelivered fault.
/// </summary>
public sealed class PairingPreservesIdentity(FormatPairing pairing, Expectation expected = Expectation.Proved) : Invariant(expected)
{
    public const string RequestPrefix = "q";
    public const string ChoicePrefix = "r";

    public FormatPairing Pairing { get; } = pairing;

    public override string Group => Pairing.Request.Family;

    public override string Name => (Expected == Expectation.Refuted ? "broken-" : string.Empty) + $"pairing-preserves-identity-{Pairing.Name}";

    public override string Statement =>
        $"for every {Pairing.Request.Name} and every choice of the other response fields, the {Pairing.Response.Name} built by echoing "
        + $"{string.Join(", ", Pairing.Echoes)} carries back {string.Join(", ", Pairing.Identities)} equal to the request's";

    public static string LostLabel(string identity) => $"lost_{identity}";

    /// <summary>Bits [0, width) compared for an identity: every bit either format carries.</summary>
    public int IdentityWidth(string identity) => Math.Max(Pairing.Request.IdentityHighBit(identity), Pairing.Response.IdentityHighBit(identity)) + 1;

    public IReadOnlyList<string> Violations(IReadOnlyDictionary<string, UInt128> model) => TrueLabels(model, Pairing.Identities.Select(LostLabel));

    public override string DescribeCounterexample(IReadOnlyDictionary<string, UInt128> model)
    {
        var request = FormatSmt.Values(Pairing.Request.Layout, RequestPrefix, model);
        var decoded = WordCodec.Decode(Pairing.Request.Layout, WordCodec.Encode(Pairing.Request.Layout, request));
        var answer = Pairing.Answer(decoded, f => Value(model, FormatSmt.Constant(ChoicePrefix, f)));
        var back = WordCodec.Decode(Pairing.Response.Layout, WordCodec.Encode(Pairing.Response.Layout, answer));
        var lost = Pairing.Identities
            .Select(id => (id, sent: Pairing.Request.Identity(decoded, id), returned: Pairing.Response.Identity(back, id)))
            .Where(x => x.sent != x.returned)
            .Select(x => $"{x.id} {Hex(x.sent)} comes back as {Hex(x.returned)}")
            .DefaultIfEmpty("C# carries every identity back, so the SMT encoding disagrees with the C# pairing");
        var fields = Pairing.Request.Layout.Fields.Where(f => f.IsChosen).Select(f => $"{f.Name}={Hex(decoded[Pairing.Request.Layout.IndexOf(f.Name)])}");
        return $"{Pairing.Request.Name} with {string.Join(", ", fields)} answered by {Pairing.Response.Name} (C# FormatPairing.Answer): {string.Join("; ", lost)}";
    }

    protected override string NegationSmt()
    {
        var request = Pairing.Request.Layout;
        var response = Pairing.Response.Layout;
        var text = new StringBuilder("(set-logic QF_BV)\n");
        text.Append(LayoutSmt.Definitions(request)).Append(LayoutSmt.Definitions(response));
        text.Append(FormatSmt.EncodedWord(request, RequestPrefix, "request"));
        text.Append(FormatSmt.EncodedWord(response, ChoicePrefix, "response", Echoed));
        var labels = new SmtLabels();
        foreach (var identity in Pairing.Identities)
        {
            var width = IdentityWidth(identity);
            labels.Add(LostLabel(identity), $"(not (= {FormatSmt.Identity(request, "request", identity, width)} {FormatSmt.Identity(response, "response", identity, width)}))");
        }

        return text + labels.AssertAnyAndCheck();
    }

    // The twin of FormatPairing.Answer: an echoed field's value from the decoded request, cut or zero-extended.
    private string? Echoed(BitField field)
    {
        var echo = Pairing.Echoes.FirstOrDefault(e => e.Response == field);
        if (echo?.RequestField is { } from)
        {
            return FormatSmt.Resize($"({LayoutSmt.DecodeName(Pairing.Request.Layout, from)} request)", from.Width, field.Width);
        }

        if (echo?.RequestIdentity is { } bits)
        {
            var width = Math.Max(Pairing.Request.IdentityHighBit(bits.Identity) + 1, bits.Low + field.Width);
            var whole = FormatSmt.Identity(Pairing.Request.Layout, "request", bits.Identity, width);
            var shifted = bits.Low == 0 ? whole : $"(bvlshr {whole} {Bv((UInt128)bits.Low, width)})";
            return FormatSmt.Resize(shifted, width, field.Width);
        }

        return null;
    }
}
