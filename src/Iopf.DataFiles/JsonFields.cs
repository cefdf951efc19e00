using System.Text.Json;

namespace Iopf.DataFiles;

/// <summary>
/// One JSON object being validated: typed, range-checked reads of its keys, each failure one line naming the
/// file, the line and the key's path. Ranges are checked on the raw number before it is used for anything,
/// so a huge value is refused before it can size an allocation. Keys nobody asked for are refused by
/// <see cref="RejectUnknownKeys"/> (a typo must not silently fall back to a default).
/// </summary>
public sealed class JsonFields
{
    private readonly JsonSource source;
    private readonly JsonElement element;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    internal JsonFields(JsonSource source, JsonElement element, string path)
    {
        this.source = source;
        this.element = element;
        Path = path;
    }

    /// <summary>This object's path in the document ("" for the root, e.g. "faultBuffers" or "payloads[2]").</summary>
    public string Path { get; }

    /// <summary>This object's JSON text exactly as written (for a part another reader checks, or that is kept whole).</summary>
    public string RawText => element.GetRawText();

    public bool Has(string key)
    {
        known.Add(key);
        return element.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null;
    }

    public long? Integer(string key, long min, long max) =>
        Number(key, min, max, static (JsonElement e, out long v) => e.TryGetInt64(out v));

    public int? Int(string key, int min, int max) => (int?)Integer(key, min, max);

    public ulong? UnsignedLong(string key, ulong min, ulong max) =>
        Number(key, min, max, static (JsonElement e, out ulong v) => e.TryGetUInt64(out v));

    public bool? Bool(string key) => Value(key) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } other => throw Problem(key, $"must be true or false, not {Describe(other)}"),
    };

    public string? String(string key, int maxLength = 400)
    {
        if (Value(key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Problem(key, $"must be a string, not {Describe(value)}");
        }

        var text = value.GetString()!;
        if (text.Length > maxLength || text.Any(char.IsControl))
        {
            throw Problem(key, $"must be one line of at most {maxLength} characters");
        }

        return text;
    }

    public JsonFields? Object(string key)
    {
        if (Value(key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Problem(key, $"must be an object {{ ... }}, not {Describe(value)}");
        }

        return new JsonFields(source, value, Child(key));
    }

    /// <summary>An array of objects, at most maxCount long (checked before any element is read).</summary>
    public IReadOnlyList<JsonFields>? Objects(string key, int maxCount)
    {
        if (Array(key, maxCount) is not { } array)
        {
            return null;
        }

        var items = new List<JsonFields>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{Child(key)}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new DataFileException($"{source.Name}:{source.LineOf(path)}: {path}: must be an object {{ ... }}, not {Describe(item)}");
            }

            items.Add(new JsonFields(source, item, path));
        }

        return items;
    }

    /// <summary>An array of strings, at most maxCount long.</summary>
    public IReadOnlyList<(string Value, string Path)>? Strings(string key, int maxCount)
    {
        if (Array(key, maxCount) is not { } array)
        {
            return null;
        }

        var items = new List<(string, string)>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{Child(key)}[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new DataFileException($"{source.Name}:{source.LineOf(path)}: {path}: must be a string, not {Describe(item)}");
            }

            items.Add((item.GetString()!, path));
        }

        return items;
    }

    /// <summary>Refuses every key of this object that no read asked for, naming the keys that are valid here.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                var valid = string.Join(", ", known.Order(StringComparer.Ordinal));
                throw Problem(property.Name, $"unknown key; valid here: {valid}");
            }
        }
    }

    /// <summary>A problem with one key of this object, as the one line a user sees.</summary>
    public DataFileException Problem(string key, string message)
    {
        // A key that is missing has no line of its own: name the line of the object that lacks it.
        var path = Child(key);
        var line = source.Has(path) ? source.LineOf(path) : source.LineOf(Path);
        return new DataFileException($"{source.Name}:{line}: {path}: {message}");
    }

    /// <summary>A problem with this object as a whole.</summary>
    public DataFileException Problem(string message) =>
        new($"{source.Name}:{source.LineOf(Path)}: {(Path.Length == 0 ? string.Empty : Path + ": ")}{message}");

    private delegate bool Reader<T>(JsonElement element, out T value);

    // The range is checked on the number as written, before the caller can use it for anything.
    private T? Number<T>(string key, T min, T max, Reader<T> read)
        where T : struct, IComparable<T>
    {
        if (Value(key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw Problem(key, $"must be a whole number, not {Describe(value)}");
        }

        if (!read(value, out var number) || number.CompareTo(min) < 0 || number.CompareTo(max) > 0)
        {
            throw Problem(key, $"{Shorten(value.GetRawText())} is not a whole number in {min}..{max}");
        }

        return number;
    }

    private JsonElement? Value(string key)
    {
        known.Add(key);
        return element.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private JsonElement? Array(string key, int maxCount)
    {
        if (Value(key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Problem(key, $"must be an array [ ... ], not {Describe(value)}");
        }

        var count = value.GetArrayLength();
        if (count > maxCount)
        {
            throw Problem(key, $"{count} entries; at most {maxCount} are allowed");
        }

        return value;
    }

    private string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {Shorten(value.GetRawText())}",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string raw) => raw.Length <= 24 ? raw : raw[..21] + "...";
}
