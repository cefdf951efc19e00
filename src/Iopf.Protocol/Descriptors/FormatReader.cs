using System.Globalization;
using System.Text.RegularExpressions;
using Iopf.DataFiles;

namespace Iopf.Protocol.Descriptors;

/// <summary>
/// The one reader and validator of layout files (specs/layouts/**/*.json, or a user's own file). Every field
/// is checked before the layout is built: names, bit ranges inside the width, no two fields overlapping, a
/// constant that fits, and (unless the file says gaps are allowed) every bit of the width covered, because an
/// unnamed gap is how a reserved bit goes unchecked. The first problem is one line naming the file, the line
/// and the field.
/// </summary>
public static partial class FormatReader
{
    public const int MaxFields = 64;

    public static DescriptorFormat Load(string path)
    {
        using var source = JsonSource.Load(path, "layout");
        return Read(source);
    }

    /// <summary>A layout from a file already open (a caller that reads several kinds of file decides by their keys).</summary>
    public static DescriptorFormat Read(JsonSource source) => Read(source.Root, source.Name);

    /// <param name="sourceName">How messages name the file (also the format's origin).</param>
    public static DescriptorFormat Parse(string text, string sourceName)
    {
        using var source = JsonSource.Parse(text, sourceName);
        return Read(source.Root, sourceName);
    }

    private static DescriptorFormat Read(JsonFields root, string origin)
    {
        _ = root.Has("$schema");
        var name = Identifier(root, "name", "the format's name");
        var family = root.String("family", 40) ?? throw root.Problem("family", "missing: the IOMMU family (e.g. vt-d, smmuv3, amd-vi, riscv, model)");
        var role = root.String("role", 20) switch
        {
            "request" => FormatRole.Request,
            "response" => FormatRole.Response,
            "model" => FormatRole.Model,
            null => throw root.Problem("role", "missing: request, response or model"),
            var other => throw root.Problem("role", $"'{other}' is not one of request, response, model"),
        };
        var source = root.String("source", 600) ?? throw root.Problem("source", "missing: the specification section or the header and struct the bit positions come from");
        var width = root.Int("widthBits", 1, DescriptorLayout.MaxWidthBits) ?? throw root.Problem("widthBits", $"missing: the descriptor's width in bits (1..{DescriptorLayout.MaxWidthBits})");
        var reserved = root.String("reservedOnDecode", 20) switch
        {
            null or "reject" => ReservedOnDecode.Reject,
            "ignore" => ReservedOnDecode.Ignore,
            var other => throw root.Problem("reservedOnDecode", $"'{other}' is not one of reject, ignore"),
        };
        var gapsAllowed = root.Bool("gapsAllowed") ?? false;
        _ = root.String("notes", 2000);
        var fieldObjects = root.Objects("fields", MaxFields) ?? throw root.Problem("fields", "missing: the list of fields");
        if (fieldObjects.Count == 0)
        {
            throw root.Problem("fields", "a format has at least one field");
        }

        var fields = new List<BitField>();
        var fieldSources = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, JsonFields>(StringComparer.Ordinal);
        foreach (var f in fieldObjects)
        {
            var field = ReadField(f, width);
            if (!seen.TryAdd(field.Name, f))
            {
                throw f.Problem("name", $"duplicate field name '{field.Name}'");
            }

            if (fields.FirstOrDefault(o => o.Offset <= field.HighBit && field.Offset <= o.HighBit) is { } other)
            {
                throw f.Problem($"field {field.Name} [{field.Offset}..{field.HighBit}] overlaps field {other.Name} [{other.Offset}..{other.HighBit}]");
            }

            fields.Add(field);
            if (f.String("source", 600) is { } quoted)
            {
                fieldSources[field.Name] = quoted;
            }

            _ = f.String("note", 1000);
            f.RejectUnknownKeys();
        }

        if (!gapsAllowed && FirstGap(fields, width) is { } gap)
        {
            throw root.Problem("fields", $"bits [{gap.Low}..{gap.High}] belong to no field; name them as a reserved field (or set \"gapsAllowed\": true)");
        }

        root.RejectUnknownKeys();
        return new DescriptorFormat(new DescriptorLayout(name, width, [.. fields]), family, role, source, reserved, origin) { FieldSources = fieldSources };
    }

    private static BitField ReadField(JsonFields f, int width)
    {
        var name = Identifier(f, "name", "the field's name");
        var offset = f.Int("offset", 0, width - 1) ?? throw f.Problem("offset", $"missing: the field's lowest bit (0..{width - 1})");
        var fieldWidth = f.Int("width", 1, 128) ?? throw f.Problem("width", "missing: the field's width in bits (1..128)");
        if (offset + fieldWidth > width)
        {
            throw f.Problem("width", $"field {name} [{offset}..{offset + fieldWidth - 1}] reaches beyond the {width}-bit descriptor");
        }

        var kind = f.String("kind", 20) switch
        {
            null or "value" => FieldKind.Value,
            "flag" => FieldKind.Flag,
            "reserved" => FieldKind.Reserved,
            "constant" => FieldKind.Constant,
            var other => throw f.Problem("kind", $"'{other}' is not one of value, flag, reserved, constant"),
        };
        if (kind == FieldKind.Flag && fieldWidth != 1)
        {
            throw f.Problem("width", $"a flag is one bit wide, not {fieldWidth}");
        }

        var field = new BitField(name, offset, fieldWidth) { Kind = kind };
        var constant = f.UnsignedLong("value", 0, ulong.MaxValue);
        if (kind == FieldKind.Constant)
        {
            var value = constant ?? throw f.Problem("value", "missing: the value a constant field always holds");
            if (!field.Fits(value))
            {
                throw f.Problem("value", $"{value} does not fit the field's {fieldWidth} bits");
            }

            field = field with { Constant = value };
        }
        else if (constant is not null)
        {
            throw f.Problem("value", "only a constant field has a value");
        }

        // "holds" may exceed the width on purpose: that is the mistake the fits-its-range proof refutes.
        if (f.UnsignedLong("holds", 1, ulong.MaxValue) is { } holds)
        {
            field = field with { Holds = holds };
        }

        if (f.String("carries", 60) is { } carried)
        {
            field = field with { Carries = Carried(f, carried, fieldWidth) };
        }

        return field;
    }

    /// <summary>
    /// "pasid" or "pasid[16:19]" as identity bits; without a range, High is -1 (the caller decides: a field
    /// carries its width of it, an echo all the bits the request carries). Null when the text is neither.
    /// </summary>
    public static CarriedBits? ParseCarried(string text)
    {
        var match = CarriesPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var identity = match.Groups["id"].Value;
        return match.Groups["low"].Success
            ? new CarriedBits(identity, int.Parse(match.Groups["low"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["high"].Value, CultureInfo.InvariantCulture))
            : new CarriedBits(identity, 0, -1);
    }

    private static CarriedBits Carried(JsonFields f, string text, int fieldWidth)
    {
        var carried = ParseCarried(text) ?? throw f.Problem("carries", $"'{text}' must name an identity, optionally with its bits: e.g. pasid or pasid[16:19]");
        if (carried.High < 0)
        {
            return carried with { High = fieldWidth - 1 };
        }

        return carried.High < carried.Low || carried.Width > fieldWidth
            ? throw f.Problem("carries", $"bits [{carried.Low}:{carried.High}] of {carried.Identity} do not fit the field's {fieldWidth} bits")
            : carried;
    }

    private static (int Low, int High)? FirstGap(List<BitField> fields, int width)
    {
        var next = 0;
        foreach (var field in fields.OrderBy(f => f.Offset))
        {
            if (field.Offset > next)
            {
                return (next, field.Offset - 1);
            }

            next = Math.Max(next, field.HighBit + 1);
        }

        return next < width ? (next, width - 1) : null;
    }

    private static string Identifier(JsonFields o, string key, string what)
    {
        var text = o.String(key, 80) ?? throw o.Problem(key, $"missing: {what}");
        return IdentifierPattern().IsMatch(text)
            ? text
            : throw o.Problem(key, $"'{text}' must be a letter followed by letters and digits (it names SMT functions and files)");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^(?<id>[a-z][A-Za-z0-9]{0,39})(\\[(?<low>[0-9]{1,3}):(?<high>[0-9]{1,3})\\])?$")]
    private static partial Regex CarriesPattern();
}
