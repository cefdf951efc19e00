using System.Globalization;

namespace Iopf.Invariants.Smt;

/// <summary>
/// Turns Z3's (get-model) output, ((define-fun x () (_ BitVec 8) #xff) ...), into name → value.
/// Bit-vector values may be #x.., #b.. or (_ bvN w); Bool values become 1 (true) and 0 (false).
/// Entries that are not constants are skipped: functions with parameters, and zero-ary define-funs whose body is a
/// term rather than a literal (Z3 4.8 echoes the query's own definitions, e.g. (bvadd base ...), into the model).
/// </summary>
public static class ModelParser
{
    public static IReadOnlyDictionary<string, UInt128> Parse(string modelText)
    {
        var top = SExprReader.ReadAll(modelText);
        if (top.Count != 1 || top[0] is not SList list)
        {
            throw new FormatException("a model is one parenthesised list of define-fun entries");
        }

        // Older Z3 versions print (model (define-fun ...) ...).
        var entries = list.Items is [SAtom { Text: "model" }, ..] ? list.Items.Skip(1) : list.Items;
        var values = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry is SList { Items: [SAtom { Text: "define-fun" }, SAtom, SList { Items.Count: 0 }, SList { Items: [SAtom { Text: "_" }, SAtom, SAtom { Text: var width }] }, _] }
                && int.Parse(width, CultureInfo.InvariantCulture) > 128)
            {
                // A 256-bit word Z3 chose to print (VT-d formats): no invariant reads one back, each reads its fields.
                continue;
            }

            if (entry is SList { Items: [SAtom { Text: "define-fun" }, SAtom name, SList { Items.Count: 0 }, _, SExpr value] } && IsLiteral(value))
            {
                values[name.Text] = ParseValue(value);
            }
            else if (entry is not SList { Items: [SAtom { Text: "define-fun" }, ..] })
            {
                throw new FormatException($"unexpected model entry {entry}");
            }
        }

        return values;
    }

    private static bool IsLiteral(SExpr value) => value is SAtom or SList { Items: [SAtom { Text: "_" }, ..] };

    /// <summary>Parses one value: #xHEX, #bBITS, (_ bvDECIMAL width), true or false.</summary>
    public static UInt128 ParseValue(SExpr value) => value switch
    {
        SAtom { Text: "true" } => UInt128.One,
        SAtom { Text: "false" } => UInt128.Zero,
        SAtom { Text: var t } when t.StartsWith("#x", StringComparison.Ordinal) =>
            UInt128.Parse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
        SAtom { Text: var t } when t.StartsWith("#b", StringComparison.Ordinal) =>
            UInt128.Parse(t.AsSpan(2), NumberStyles.AllowBinarySpecifier, CultureInfo.InvariantCulture),
        SList { Items: [SAtom { Text: "_" }, SAtom { Text: var bv }, SAtom] } when bv.StartsWith("bv", StringComparison.Ordinal) =>
            UInt128.Parse(bv.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"not a bit-vector or Bool value: {value}"),
    };

    /// <summary>Parses one value printed on its own, e.g. the output of (simplify ...).</summary>
    public static UInt128 ParseValue(string text)
    {
        var items = SExprReader.ReadAll(text);
        return items.Count == 1 ? ParseValue(items[0]) : throw new FormatException($"expected one value, got '{text.Trim()}'");
    }
}
