using System.Numerics;
using Iopf.Protocol.Descriptors;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants.Smt;

/// <summary>
/// SMT-LIB2 terms over a format's generated codec (<see cref="LayoutSmt"/>): a word whose chosen fields are
/// free constants and whose reserved and constant fields hold what the format fixes; an identity assembled
/// from the fields carrying it (the twin of <see cref="DescriptorFormat.Identity"/>); a value cut or
/// zero-extended to another width, as an echo does.
/// </summary>
public static class FormatSmt
{
    /// <summary>The free constant of a chosen field, prefixed so a request's and a response's do not clash.</summary>
    public static string Constant(string prefix, BitField field) => $"{prefix}_{field.Name}";

    /// <summary>
    /// A model's field values in declaration order: each chosen field's constant (0 when Z3 left it out), each
    /// fixed field what the format fixes. The C# side of <see cref="EncodedWord"/>.
    /// </summary>
    public static UInt128[] Values(DescriptorLayout layout, string prefix, IReadOnlyDictionary<string, UInt128> model) =>
        [.. layout.Fields.Select(f => f.IsChosen ? model.GetValueOrDefault(Constant(prefix, f)) : f.FixedValue)];

    /// <summary>Declarations of the chosen fields' constants, then (define-fun word ...) encoding them.</summary>
    public static string EncodedWord(DescriptorLayout layout, string prefix, string word, Func<BitField, string?>? argument = null)
    {
        var text = new System.Text.StringBuilder();
        var arguments = new List<string>();
        foreach (var field in layout.Fields)
        {
            if (argument?.Invoke(field) is { } given)
            {
                arguments.Add(given);
            }
            else if (field.IsChosen)
            {
                text.Append($"(declare-const {Constant(prefix, field)} {BitVecSort(field.Width)})\n");
                arguments.Add(Constant(prefix, field));
            }
            else
            {
                arguments.Add(Bv(field.FixedValue, field.Width));
            }
        }

        text.Append($"(define-fun {word} () {BitVecSort(LayoutSmt.WordBits(layout))} {LayoutSmt.EncodeCall(layout, arguments)})\n");
        return text.ToString();
    }

    /// <summary>The identity's value (width <paramref name="width"/>) read back from <paramref name="word"/>.</summary>
    public static string Identity(DescriptorLayout layout, string word, string identity, int width)
    {
        var parts = layout.Fields.Where(f => f.Carries?.Identity == identity).Select(f =>
        {
            var carried = f.Carries!;
            var bits = Resize($"({LayoutSmt.DecodeName(layout, f)} {word})", f.Width, carried.Width);
            var placed = Resize(bits, carried.Width, width);
            return carried.Low == 0 ? placed : $"(bvshl {placed} {Bv((UInt128)carried.Low, width)})";
        }).ToList();
        return parts.Count switch
        {
            0 => Bv(UInt128.Zero, width),
            1 => parts[0],
            _ => $"(bvor {string.Join(' ', parts)})",
        };
    }

    /// <summary>The low bits of a term (cut), or the term zero-extended.</summary>
    public static string Resize(string term, int from, int to) =>
        from == to ? term : from > to ? $"((_ extract {to - 1} 0) {term})" : $"((_ zero_extend {to - from}) {term})";

    /// <summary>The bits no chosen or constant field occupies, over the codec's word: reserved fields and unnamed gaps.</summary>
    public static BigInteger ReservedMask(DescriptorLayout layout)
    {
        var used = BigInteger.Zero;
        foreach (var field in layout.Fields.Where(f => f.Kind != FieldKind.Reserved))
        {
            used |= WordCodec.Mask(layout, field);
        }

        return WordCodec.WidthMask(layout) & ~used;
    }
}
