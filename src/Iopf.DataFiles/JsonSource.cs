using System.Text;
using System.Text.Json;

namespace Iopf.DataFiles;

/// <summary>
/// A JSON document with the line of every key and array element, so a problem found while validating can
/// name where it is. JsonDocument keeps no positions, so one pass of Utf8JsonReader records them (and
/// refuses duplicate keys, which JsonDocument would accept with the last one silently winning).
/// </summary>
public sealed class JsonSource : IDisposable
{
    /// <summary>Larger files are refused before parsing: no world or plan is anywhere near this.</summary>
    public const int MaxBytes = 1 << 20;

    private readonly Dictionary<string, int> lines;

    private JsonSource(string name, JsonDocument document, Dictionary<string, int> lines)
    {
        Name = name;
        Document = document;
        this.lines = lines;
    }

    /// <summary>How the file is named in messages (the path as the user gave it).</summary>
    public string Name { get; }

    public JsonDocument Document { get; }

    public JsonFields Root => new(this, Document.RootElement, string.Empty);

    /// <param name="maxBytes">Larger files are refused before they are read (default <see cref="MaxBytes"/>).</param>
    public static JsonSource Load(string path, string what, int maxBytes = MaxBytes) =>
        Parse(TextFile.Read(path, what, maxBytes), path, maxBytes);

    public static JsonSource Parse(string text, string name, int maxBytes = MaxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            throw new DataFileException($"{name}: larger than {maxBytes} bytes");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            // System.Text.Json would say "The input does not contain any JSON tokens".
            throw new DataFileException($"{name}: the file is empty; a JSON object {{ ... }} was expected");
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, MaxDepth = 16 };
        Dictionary<string, int> lines;
        try
        {
            lines = IndexLines(bytes, options, name);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"{name}:{line + 1}" : name;
            throw new DataFileException($"{where}: not valid JSON ({FirstSentence(e.Message)})");
        }

        var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new DataFileException($"{name}:1: the document must be a JSON object {{ ... }}");
        }

        return new JsonSource(name, document, lines);
    }

    public bool Has(string path) => lines.ContainsKey(path);

    /// <summary>The line of the key or element at this path (the document's first line when unknown).</summary>
    public int LineOf(string path) => lines.TryGetValue(path, out var line) ? line : 1;

    public void Dispose() => Document.Dispose();

    private static Dictionary<string, int> IndexLines(byte[] bytes, JsonReaderOptions options, string name)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, options);

        // One frame per open object or array: its path, the next element index, and the keys seen so far.
        var frames = new Stack<(string Path, bool IsArray, int NextIndex, HashSet<string>? Keys)>();
        string? pendingKey = null;
        var lineStarts = LineStarts(bytes);

        int Line(long offset)
        {
            var index = lineStarts.BinarySearch((int)offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        string ValuePath()
        {
            if (frames.Count == 0)
            {
                return string.Empty;
            }

            var top = frames.Pop();
            string path;
            if (top.IsArray)
            {
                path = $"{top.Path}[{top.NextIndex}]";
                frames.Push(top with { NextIndex = top.NextIndex + 1 });
            }
            else
            {
                path = top.Path.Length == 0 ? pendingKey! : $"{top.Path}.{pendingKey}";
                frames.Push(top);
            }

            return path;
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString()!;
                    var frame = frames.Peek();
                    var keyPath = frame.Path.Length == 0 ? pendingKey : $"{frame.Path}.{pendingKey}";
                    if (!frame.Keys!.Add(pendingKey))
                    {
                        throw new DataFileException($"{name}:{Line(reader.TokenStartIndex)}: {keyPath}: duplicate key (the first was on line {lines[keyPath]})");
                    }

                    lines[keyPath] = Line(reader.TokenStartIndex);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = ValuePath();
                    lines.TryAdd(path, Line(reader.TokenStartIndex));
                    var isArray = reader.TokenType == JsonTokenType.StartArray;
                    frames.Push((path, isArray, 0, isArray ? null : new HashSet<string>(StringComparer.Ordinal)));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    lines.TryAdd(ValuePath(), Line(reader.TokenStartIndex));
                    break;
            }
        }

        return lines;
    }

    private static List<int> LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = (cut < 0 ? message : message[..cut]).TrimEnd('.');

        // System.Text.Json appends its own position ("LineNumber: 3 | BytePositionInLine: 7"); ours is in front.
        var position = sentence.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position < 0 ? sentence : sentence[..position].TrimEnd(' ', '.', '|');
    }
}
