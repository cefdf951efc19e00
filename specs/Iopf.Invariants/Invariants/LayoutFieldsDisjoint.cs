using System.Text;
using Iopf.Invariants.Smt;
using Iopf.Protocol.Descriptors;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// The fields of a layout occupy pairwise disjoint bits, all inside the declared word. Stated over the bit
/// masks the generated encoder produces (a field's mask = the encoding with that field all ones, the rest zero).
/// </summary>
/// <param name="group">The layout's descriptor family, for reports.</param>
public sealed class LayoutFieldsDisjoint(DescriptorLayout layout, Expectation expected = Expectation.Proved, string group = "model") : Invariant(expected)
{
    public override string Group => group;

    public DescriptorLayout Layout { get; } = layout;

    public override string Name => (Expected == Expectation.Refuted ? "broken-" : string.Empty) + $"layout-fields-disjoint-{Layout.Name}";

    public override string Statement =>
        $"the fields of a {Layout.Name} have pairwise disjoint bit masks, each lying whole inside the {Layout.WidthBits}-bit word";

    public static string OverlapLabel(BitField a, BitField b) => $"overlap_{a.Name}_{b.Name}";

    public static string OutsideLabel(BitField field) => $"outside_{field.Name}";

    /// <summary>The violated clauses a model reports, e.g. "overlap_Pasid_Sequence".</summary>
    public IReadOnlyList<string> Violations(IReadOnlyDictionary<string, UInt128> model) => TrueLabels(model, AllLabels());

    public override string DescribeCounterexample(IReadOnlyDictionary<string, UInt128> model)
    {
        var text = new StringBuilder($"{Layout.Name}: ");
        var parts = new List<string>();
        foreach (var label in Violations(model))
        {
            parts.Add(Explain(label));
        }

        text.Append(string.Join("; ", parts));
        text.Append(" (C# DescriptorLayout.Problems(): ").Append(string.Join("; ", Layout.Problems().DefaultIfEmpty("none"))).Append(')');
        return text.ToString();
    }


    protected override string NegationSmt()
    {
        var text = new StringBuilder("(set-logic QF_BV)\n");
        text.Append(LayoutSmt.Definitions(Layout));
        var wordBits = LayoutSmt.WordBits(Layout);
        var zero = Bv(UInt128.Zero, wordBits);
        foreach (var field in Layout.Fields)
        {
            var arguments = Layout.Fields.Select(f => Bv(f == field ? f.MaxValue : UInt128.Zero, f.Width));
            text.Append($"(define-fun mask_{field.Name} () {BitVecSort(wordBits)} {LayoutSmt.EncodeCall(Layout, arguments)})\n");
        }

        text.Append($"(define-fun word_mask () {BitVecSort(wordBits)} {Bv(WordCodec.WidthMask(Layout), wordBits)})\n");
        var labels = new SmtLabels();
        foreach (var (a, b) in Pairs())
        {
            labels.Add(OverlapLabel(a, b), $"(not (= (bvand mask_{a.Name} mask_{b.Name}) {zero}))");
        }

        foreach (var field in Layout.Fields)
        {
            // Outside: bits beyond the declared width, or bits lost past the word's top bit (the mask no longer decodes to all ones).
            labels.Add(
                OutsideLabel(field),
                $"(or (not (= (bvand mask_{field.Name} (bvnot word_mask)) {zero})) (not (= ({LayoutSmt.DecodeName(Layout, field)} mask_{field.Name}) {Bv(field.MaxValue, field.Width)})))");
        }

        return text + labels.AssertAnyAndCheck();
    }

    private IEnumerable<(BitField A, BitField B)> Pairs() =>
        Layout.Fields.SelectMany((a, i) => Layout.Fields.Skip(i + 1).Select(b => (a, b)));

    private IEnumerable<string> AllLabels() =>
        Pairs().Select(p => OverlapLabel(p.A, p.B)).Concat(Layout.Fields.Select(OutsideLabel));

    private string Explain(string label)
    {
        foreach (var (a, b) in Pairs().Where(p => OverlapLabel(p.A, p.B) == label))
        {
            return $"{a.Name} [{a.Offset}..{a.HighBit}] and {b.Name} [{b.Offset}..{b.HighBit}] share bits {Hex(WordCodec.Mask(Layout, a) & WordCodec.Mask(Layout, b))}";
        }

        var field = Layout.Fields.First(f => OutsideLabel(f) == label);
        return $"{field.Name} [{field.Offset}..{field.HighBit}] does not fit inside the {Layout.WidthBits}-bit word";
    }
}
