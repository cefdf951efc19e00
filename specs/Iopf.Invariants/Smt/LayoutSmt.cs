using System.Text;
using Iopf.Protocol.Descriptors;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants.Smt;

/// <summary>
/// SMT-LIB2 twins of a <see cref="DescriptorLayout"/>'s C# codec, generated from the same declaration so the
/// proofs are about the layout the code actually uses. The encoder mirrors <see cref="DescriptorLayout.Encode"/>
/// operation for operation (zero-extend, shift left, OR into a 128-bit word), so an overlapping or
/// out-of-word declaration misbehaves in SMT exactly as it does in C#; the decoder mirrors
/// <see cref="DescriptorLayout.Get"/> (shift right, keep the field's width).
/// </summary>
public static class LayoutSmt
{
    /// <summary>
    /// The word the C# codec works on, and so the SMT twin: UInt128 for a layout of up to 128 bits whatever its
    /// declared width (so a field past bit 127 is lost in both), 256 bits for a wider one (VT-d).
    /// </summary>
    public static int WordBits(DescriptorLayout layout) => layout.WidthBits <= 128 ? 128 : DescriptorLayout.MaxWidthBits;

    public static string EncodeName(DescriptorLayout layout) => $"encode_{layout.Name}";

    public static string DecodeName(DescriptorLayout layout, BitField field) => $"decode_{layout.Name}_{field.Name}";

    /// <summary>encode_&lt;Name&gt; and every decode_&lt;Name&gt;_&lt;Field&gt;, one define-fun per line.</summary>
    public static string Definitions(DescriptorLayout layout)
    {
        var text = new StringBuilder();
        text.Append("; ").Append(layout.Name).Append(": generated from Iopf.Protocol.Descriptors.DescriptorLayout, do not edit\n");
        text.Append(EncodeDefinition(layout)).Append('\n');
        foreach (var field in layout.Fields)
        {
            text.Append(DecodeDefinition(layout, field)).Append('\n');
        }

        return text.ToString();
    }

    public static string EncodeDefinition(DescriptorLayout layout)
    {
        if (layout.Fields.Count == 0)
        {
            throw new ArgumentException($"descriptor {layout.Name} has no fields");
        }

        var parameters = string.Join(' ', layout.Fields.Select(f => $"({f.Name} {BitVecSort(f.Width)})"));
        var placed = layout.Fields.Select(f => Placed(f, WordBits(layout))).ToList();
        var body = placed.Count == 1 ? placed[0] : $"(bvor {string.Join(' ', placed)})";
        return $"(define-fun {EncodeName(layout)} ({parameters}) {BitVecSort(WordBits(layout))} {body})";
    }

    public static string DecodeDefinition(DescriptorLayout layout, BitField field)
    {
        var wordBits = WordBits(layout);
        RequireRepresentable(field, wordBits);

        // A field reaching past the word's top bit keeps only its low bits, as (word >> Offset) & MaxValue does in C#.
        var body = field.HighBit < wordBits
            ? $"((_ extract {field.HighBit} {field.Offset}) w)"
            : $"((_ extract {field.Width - 1} 0) (bvlshr w {Bv((UInt128)field.Offset, wordBits)}))";
        return $"(define-fun {DecodeName(layout, field)} ((w {BitVecSort(wordBits)})) {BitVecSort(field.Width)} {body})";
    }

    /// <summary>A call of the encoder on the given argument terms (one per field, in declaration order).</summary>
    public static string EncodeCall(DescriptorLayout layout, IEnumerable<string> arguments) =>
        $"({EncodeName(layout)} {string.Join(' ', arguments)})";

    /// <summary>A call of the encoder on C# values, e.g. to compare Z3's word with <see cref="DescriptorLayout.Encode"/>.</summary>
    public static string EncodeCall(DescriptorLayout layout, IReadOnlyList<UInt128> values) =>
        EncodeCall(layout, layout.Fields.Select((f, i) => Bv(values[i], f.Width)));

    private static string Placed(BitField field, int wordBits)
    {
        RequireRepresentable(field, wordBits);
        var widened = field.Width == wordBits ? field.Name : $"((_ zero_extend {wordBits - field.Width}) {field.Name})";
        return field.Offset == 0 ? widened : $"(bvshl {widened} {Bv((UInt128)field.Offset, wordBits)})";
    }

    // Widths or offsets outside these bounds have no C# meaning either (UInt128 shifts count modulo 128).
    private static void RequireRepresentable(BitField field, int wordBits)
    {
        if (field.Width is < 1 or > 128 || field.Offset < 0 || field.Offset >= wordBits)
        {
            throw new ArgumentException($"field {field.Name} [{field.Offset}, width {field.Width}] cannot be expressed over a {wordBits}-bit word");
        }
    }
}
