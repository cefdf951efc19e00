using System.Text;
using Iopf.Invariants.Smt;
using Iopf.Protocol.Descriptors;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// The reserved bits of a format (its reserved fields and any unnamed bits) are zero in every word the encoder
/// writes, and a decoder treats a set one as the format says: a strict decoder
/// (<see cref="DescriptorLayout.AcceptsStrictly"/>) accepts every encoded word and rejects it with any reserved
/// bit flipped; a lenient one decodes the chosen fields unchanged whatever the reserved bits hold.
/// </summary>
public sealed class ReservedBitsChecked(DescriptorFormat format, Expectation expected = Expectation.Proved) : Invariant(expected)
{
    public const string Prefix = "v";
    public const string Flip = "flip";
    public const string EncodedSetsReserved = "encoded_sets_reserved";
    public const string EncodedRejected = "encoded_rejected";
    public const string FlipAccepted = "flipped_reserved_accepted";

    public DescriptorFormat Format { get; } = format;

    public override string Group => Format.Family;

    public override string Name => (Expected == Expectation.Refuted ? "broken-" : string.Empty) + $"reserved-bits-checked-{Format.Name}";

    public override string Statement => Format.ReservedBits == ReservedOnDecode.Reject
        ? $"every {Format.Name} the encoder writes has its reserved bits zero and is accepted by the strict decoder, which rejects it with any reserved bit set"
        : $"every {Format.Name} the encoder writes has its reserved bits zero, and the lenient decoder reads its chosen fields unchanged whatever the reserved bits hold";

    public static string FlipChunk(int index) => $"{Flip}_{index}";

    private IEnumerable<BitField> Chosen => Format.Layout.Fields.Where(f => f.IsChosen);

    public override string DescribeCounterexample(IReadOnlyDictionary<string, UInt128> model)
    {
        var layout = Format.Layout;
        var values = FormatSmt.Values(layout, Prefix, model);
        var word = WordCodec.Encode(layout, values);
        var flip = Enumerable.Range(0, LayoutSmt.WordBits(layout) / 64)
            .Aggregate(System.Numerics.BigInteger.Zero, (acc, i) => acc | ((System.Numerics.BigInteger)Value(model, FlipChunk(i)) << (64 * i))) & FormatSmt.ReservedMask(layout);
        var reserved = FormatSmt.ReservedMask(layout);
        var decoded = WordCodec.Decode(layout, word);
        var wrongFixed = layout.Fields.Select((f, i) => (f, v: decoded[i])).Where(x => !x.f.IsChosen && x.v != x.f.FixedValue)
            .Select(x => $"{x.f.Name}={Hex(x.v)} instead of {Hex(x.f.FixedValue)}");
        return $"{Format.Name} with {string.Join(", ", Chosen.Select(f => $"{f.Name}={Hex(values[layout.IndexOf(f.Name)])}"))} encodes to {Hex(word)}"
            + $" (unnamed reserved bits set: {Hex(word & reserved)}; fixed fields wrong: {string.Join(", ", wrongFixed.DefaultIfEmpty("none"))};"
            + $" strict decoder accepts it: {Accepts(word)}; with reserved bits {Hex(flip)} flipped: {Accepts(word ^ flip)})";
    }

    protected override string NegationSmt()
    {
        var layout = Format.Layout;
        var wordBits = LayoutSmt.WordBits(layout);
        var reserved = Bv(FormatSmt.ReservedMask(layout), wordBits);
        var zero = Bv(UInt128.Zero, wordBits);
        var text = new StringBuilder("(set-logic QF_BV)\n");
        text.Append(LayoutSmt.Definitions(layout));
        text.Append(FormatSmt.EncodedWord(layout, Prefix, "word"));
        // The flipped bits as 64-bit pieces, so every value a model gives fits the parser's 128-bit numbers.
        var chunks = Enumerable.Range(0, wordBits / 64).Select(FlipChunk).ToList();
        foreach (var chunk in chunks)
        {
            text.Append($"(declare-const {chunk} (_ BitVec 64))\n");
        }

        text.Append($"(define-fun {Flip} () {BitVecSort(wordBits)} (concat {string.Join(' ', Enumerable.Reverse(chunks))}))\n");
        text.Append($"(define-fun flipped () {BitVecSort(wordBits)} (bvxor word (bvand {Flip} {reserved})))\n");
        var labels = new SmtLabels().Add(EncodedSetsReserved, $"(not (= (bvand word {reserved}) {zero}))");
        if (Format.ReservedBits == ReservedOnDecode.Reject)
        {
            text.Append(AcceptsDefinition(layout, wordBits));
            labels.Add(EncodedRejected, "(not (accepts word))")
                .Add(FlipAccepted, $"(and (not (= (bvand {Flip} {reserved}) {zero})) (accepts flipped))");
        }
        else
        {
            foreach (var field in Chosen)
            {
                labels.Add($"changed_{field.Name}", $"(not (= ({LayoutSmt.DecodeName(layout, field)} flipped) {FormatSmt.Constant(Prefix, field)}))");
            }
        }

        return text + labels.AssertAnyAndCheck();
    }

    // The twin of DescriptorLayout.AcceptsStrictly: fixed fields hold their value, no bit outside the fields.
    private static string AcceptsDefinition(DescriptorLayout layout, int wordBits)
    {
        var used = System.Numerics.BigInteger.Zero;
        var clauses = new List<string>();
        foreach (var field in layout.Fields)
        {
            used |= WordCodec.Mask(layout, field);
            if (!field.IsChosen)
            {
                clauses.Add($"(= ({LayoutSmt.DecodeName(layout, field)} w) {Bv(field.FixedValue, field.Width)})");
            }
        }

        var outside = ((System.Numerics.BigInteger.One << wordBits) - 1) & ~used;
        clauses.Add($"(= (bvand w {Bv(outside, wordBits)}) {Bv(UInt128.Zero, wordBits)})");
        return $"(define-fun accepts ((w {BitVecSort(wordBits)})) Bool (and {string.Join(' ', clauses)}))\n";
    }

    private bool Accepts(System.Numerics.BigInteger word) =>
        Format.Layout.WidthBits <= 128 ? Format.Layout.AcceptsStrictly((UInt128)word) : Format.Layout.AcceptsStrictly(word);
}
