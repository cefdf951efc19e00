using System.Text;
using Iopf.Invariants.Smt;
using Iopf.Protocol.Descriptors;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// Every value the software must store in a field (up to the range its source states, e.g. a 20-bit PASID's
/// 0xFFFFF) survives encoding and decoding: a field one bit too narrow silently answers another PASID.
/// </summary>
public sealed class FieldsHoldTheirRange(DescriptorFormat format, Expectation expected = Expectation.Proved) : Invariant(expected)
{
    public DescriptorFormat Format { get; } = format;

    public override string Group => Format.Family;

    public IReadOnlyList<BitField> Ranged => [.. Format.Layout.Fields.Where(f => f.Holds is not null)];

    public override string Name => (Expected == Expectation.Refuted ? "broken-" : string.Empty) + $"fields-hold-their-range-{Format.Name}";

    public override string Statement =>
        $"every value up to its stated range survives a {Format.Name} round trip: {string.Join(", ", Ranged.Select(f => $"{f.Name} up to {Hex(f.Holds!.Value)}"))}";

    public static string Stored(BitField field) => $"s_{field.Name}";

    public static int RangeBits(BitField field) => Math.Max(field.Width, 128 - (int)UInt128.LeadingZeroCount(field.Holds!.Value));

    public override string DescribeCounterexample(IReadOnlyDictionary<string, UInt128> model)
    {
        var lost = Ranged.Select(f => (f, v: Value(model, Stored(f)))).Where(x => x.v > x.f.MaxValue).Select(x =>
            $"{x.f.Name} must hold {Hex(x.v)} (up to {Hex(x.f.Holds!.Value)}) but its {x.f.Width} bits keep only {Hex(x.v & x.f.MaxValue)}");
        return $"{Format.Name}: {string.Join("; ", lost.DefaultIfEmpty("C# keeps every value, so the SMT encoding disagrees with the C# codec"))}";
    }

    protected override string NegationSmt()
    {
        var layout = Format.Layout;
        var text = new StringBuilder("(set-logic QF_BV)\n");
        text.Append(LayoutSmt.Definitions(layout));
        foreach (var field in Ranged)
        {
            text.Append($"(declare-const {Stored(field)} {BitVecSort(RangeBits(field))})\n");
        }

        // The software's value goes into the field as the field's width allows (the low bits), as C and FIELD_PREP do.
        text.Append(FormatSmt.EncodedWord(layout, "v", "word", f => f.Holds is null ? null : FormatSmt.Resize(Stored(f), RangeBits(f), f.Width)));
        var labels = new SmtLabels();
        foreach (var field in Ranged)
        {
            var bits = RangeBits(field);
            labels.Add(
                $"lost_{field.Name}",
                $"(and (bvule {Stored(field)} {Bv(field.Holds!.Value, bits)}) (not (= {FormatSmt.Resize($"({LayoutSmt.DecodeName(layout, field)} word)", field.Width, bits)} {Stored(field)})))");
        }

        return text + labels.AssertAnyAndCheck();
    }
}
