using System.Text;
using Iopf.Invariants.Smt;
using Iopf.Protocol.Descriptors;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>For every choice of field values that fit their widths, decoding the encoded word gives every value back.</summary>
/// <param name="group">The layout's descriptor family, for reports.</param>
public sealed class LayoutRoundTrip(DescriptorLayout layout, Expectation expected = Expectation.Proved, string group = "model") : Invariant(expected)
{
    public override string Group => group;

    public DescriptorLayout Layout { get; } = layout;

    public override string Name => (Expected == Expectation.Refuted ? "broken-" : string.Empty) + $"layout-round-trip-{Layout.Name}";

    public override string Statement =>
        $"for all values of its {Layout.Fields.Count} fields, a {Layout.Name} decodes to exactly the field values it was encoded from";

    public static string ValueConstant(BitField field) => $"v_{field.Name}";

    public static string LostLabel(BitField field) => $"lost_{field.Name}";

    /// <summary>The field values of a counterexample, in declaration order.</summary>
    public UInt128[] Values(IReadOnlyDictionary<string, UInt128> model) =>
        Layout.Fields.Select(f => Value(model, ValueConstant(f))).ToArray();

    public override string DescribeCounterexample(IReadOnlyDictionary<string, UInt128> model)
    {
        var values = Values(model);
        var word = WordCodec.Encode(Layout, values);
        var decoded = WordCodec.Decode(Layout, word);
        var text = new StringBuilder();
        text.Append($"{Layout.Name} with {FieldList(values)} encodes (C# DescriptorLayout.Encode) to {Hex(word)}; ");
        var wrong = Layout.Fields.Select((f, i) => (f, i)).Where(p => decoded[p.i] != values[p.i]).ToList();
        text.Append(wrong.Count == 0
            ? "C# decodes it correctly, so the SMT encoding disagrees with the C# codec"
            : "decoding gives " + string.Join(", ", wrong.Select(p => $"{p.f.Name}={Hex(decoded[p.i])} instead of {Hex(values[p.i])}")));
        return text.ToString();
    }

    protected override string NegationSmt()
    {
        var text = new StringBuilder("(set-logic QF_BV)\n");
        text.Append(LayoutSmt.Definitions(Layout));
        foreach (var field in Layout.Fields)
        {
            text.Append($"(declare-const {ValueConstant(field)} {BitVecSort(field.Width)})\n");
        }

        text.Append($"(define-fun word () {BitVecSort(LayoutSmt.WordBits(Layout))} {LayoutSmt.EncodeCall(Layout, Layout.Fields.Select(ValueConstant))})\n");
        var labels = new SmtLabels();
        foreach (var field in Layout.Fields)
        {
            labels.Add(LostLabel(field), $"(not (= ({LayoutSmt.DecodeName(Layout, field)} word) {ValueConstant(field)}))");
        }

        return text + labels.AssertAnyAndCheck();
    }

    private string FieldList(UInt128[] values) =>
        string.Join(", ", Layout.Fields.Select((f, i) => $"{f.Name}={Hex(values[i])}"));
}
