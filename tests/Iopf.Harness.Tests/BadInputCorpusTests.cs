using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Iopf.Models.Tracing;
using Iopf.Worlds.Mutants;
using Iopf.Worlds;

namespace Iopf.Harness.Tests;

/// <summary>
/// Runs every case of BadInputs/corpus.json in-process: bad plan, world and schedule files, bad arguments to
/// every command, bad output folders. Each must exit 2 with exactly its one expected line on stderr (no stack
/// trace, no .NET type name), print nothing on stdout, and leave the sandbox as it found it. The corpus is
/// data so that adding a case is adding a JSON object (README.md, "Testing").
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed partial class BadInputCorpusTests(BadInputCorpusTests.RecordedSchedule recorded) : IClassFixture<BadInputCorpusTests.RecordedSchedule>
{
    private static readonly string CorpusPath = Path.Combine(AppContext.BaseDirectory, "BadInputs", "corpus.json");

    private static readonly Lazy<Dictionary<string, JsonObject>> Cases = new(() =>
        JsonNode.Parse(File.ReadAllText(CorpusPath))!["cases"]!.AsArray()
            .Select(c => c!.AsObject())
            .ToDictionary(c => (string)c["id"]!, StringComparer.Ordinal));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Value.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_the_164_cases_the_readme_counts_with_unique_ids()
    {
        var ids = JsonNode.Parse(File.ReadAllText(CorpusPath))!["cases"]!.AsArray().Select(c => (string)c!["id"]!).ToList();
        Assert.Equal(169, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_bad_input_is_refused_in_one_plain_line_and_writes_nothing(string id)
    {
        var spec = Cases.Value[id];
        using var sandbox = new Sandbox();
        var edited = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in spec["files"]?.AsArray() ?? [])
        {
            Create(sandbox, file!.AsObject(), edited);
        }

        var args = spec["args"]!.AsArray().Select(a => Substitute((string)a!, sandbox)).ToArray();
        var before = Entries(sandbox);

        var result = IopfCli.Run(args);

        var expected = Expected((string)spec["stderr"]!, edited);
        var lines = result.ErrLines;
        var line = Assert.Single(lines).Replace(sandbox.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        Assert.Equal(expected, line);
        Assert.Equal((int?)spec["exit"] ?? ExitCodes.BadInput, result.ExitCode);
        Assert.DoesNotMatch(DotNetNames(), line);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(before, Entries(sandbox));
        Assert.False(Directory.Exists(sandbox.Out), "the out folder was created");
    }

    // A .NET type name, an exception's name, a generic arity (`1) or a nested type (Outer+Inner) in a message.
    [GeneratedRegex(@"System\.|Exception|`\d|\+[A-Z]")]
    private static partial Regex DotNetNames();

    private static string Substitute(string text, Sandbox sandbox) => text
        .Replace("{dir}", sandbox.Root, StringComparison.Ordinal)
        .Replace("{out}", sandbox.Out, StringComparison.Ordinal)
        .Replace("{testplan}", Repo.TestPlan, StringComparison.Ordinal);

    /// <summary>The expected line with its placeholders filled: lists that change with the model, lines of an edited schedule.</summary>
    private static string Expected(string text, Dictionary<string, string> edited)
    {
        text = text
            .Replace("{dir}/", string.Empty, StringComparison.Ordinal)
            .Replace("{worlds}", string.Join(", ", WorldCatalog.BuiltIn.Select(w => w.Name)), StringComparison.Ordinal)
            .Replace("{mutants}", string.Join(", ", Mutant.Names), StringComparison.Ordinal)
            .Replace("{fingerprint}", ModelFingerprint.Current, StringComparison.Ordinal);
        if (edited.Count == 0)
        {
            return text;
        }

        var schedule = edited.Values.Single().Split('\n');
        text = text.Replace("{lastline}", schedule.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return LinePlaceholder().Replace(text, m => (m.Groups[1].Value == "late" ? LateLineOf(schedule, m.Groups[2].Value) : LineOf(schedule, m.Groups[2].Value)).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\{(line|late):([^}]+)\}")]
    private static partial Regex LinePlaceholder();

    /// <summary>The 1-based line of a key path (a.b, a[1]) in an indented schedule: each key's line after its parent's.</summary>
    private static int LineOf(string[] lines, string path)
    {
        var at = 0;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var key = bracket < 0 ? segment : segment[..bracket];
            at = Array.FindIndex(lines, at, l => l.TrimStart().StartsWith($"\"{key}\":", StringComparison.Ordinal));
            Assert.True(at >= 0, $"no key {key} of {path} in the edited schedule");
            if (bracket >= 0)
            {
                at += int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture) + 1;
            }
        }

        return at + 1;
    }

    private static int LateLineOf(string[] lines, string key) =>
        lines.Select((l, i) => (l, i)).Where(x => x.l.TrimStart().StartsWith($"\"{key}\":", StringComparison.Ordinal)).Last().i + 1;

    private void Create(Sandbox sandbox, JsonObject file, Dictionary<string, string> edited)
    {
        var path = sandbox.PathOf((string)file["path"]!);
        if (file["directory"] is not null)
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (file["symlink"] is { } target)
        {
            File.CreateSymbolicLink(path, (string)target!);
            return;
        }

        byte[] bytes;
        if (file["base64"] is { } base64)
        {
            bytes = Convert.FromBase64String((string)base64!);
        }
        else if (file["schedule"] is { } edit)
        {
            var text = Edit(recorded.Text, edit.AsObject());
            edited[path] = text;
            bytes = edit["utf16le"] is not null ? Encoding.Unicode.GetBytes(text) : Encoding.UTF8.GetBytes(text);
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(Pad((string)file["text"]!, file));
        }

        File.WriteAllBytes(path, bytes);
    }

    private static string Pad(string text, JsonObject spec) =>
        spec["padTo"] is { } size ? text + new string(' ', (int)size - Encoding.UTF8.GetByteCount(text)) : text;

    /// <summary>The recorded schedule with the case's edits: keys set or removed, then cut, padded or extended as text.</summary>
    private static string Edit(string schedule, JsonObject edit)
    {
        var root = JsonNode.Parse(schedule)!.AsObject();
        foreach (var (path, value) in edit["set"]?.AsObject() ?? [])
        {
            var (parent, key) = Parent(root, path);
            parent[key] = value?.DeepClone();
        }

        foreach (var path in edit["remove"]?.AsArray() ?? [])
        {
            var (parent, key) = Parent(root, (string)path!);
            Assert.True(parent.Remove(key), $"no key {path} to remove");
        }

        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (edit["insertAfterFormat"] is { } inserted)
        {
            var format = text.IndexOf('\n', text.IndexOf("\"format\"", StringComparison.Ordinal)) + 1;
            text = text[..format] + "  " + (string)inserted! + "\n" + text[format..];
        }

        if (edit["cutAfter"] is { } cut)
        {
            // Truncated mid-document, at a point that does not move when the recorded values change length.
            text = text[..(text.IndexOf((string)cut!, StringComparison.Ordinal) + ((string)cut!).Length)];
        }

        text = Pad(text, edit);
        return text + ((string?)edit["append"] ?? string.Empty);
    }

    private static (JsonObject Parent, string Key) Parent(JsonObject root, string path)
    {
        var keys = path.Split('.');
        var parent = keys[..^1].Aggregate(root, (node, key) => node[key]!.AsObject());
        return (parent, keys[^1]);
    }

    /// <summary>Every file, folder and link under the sandbox (links not followed), relative and sorted.</summary>
    private static List<string> Entries(Sandbox sandbox) =>
        Directory.EnumerateFileSystemEntries(sandbox.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(e => Path.GetRelativePath(sandbox.Root, e))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>One real counterexample (VmmCopiesTwice on SingleFault), recorded once for every schedule case.</summary>
    public sealed class RecordedSchedule : IDisposable
    {
        private readonly Sandbox sandbox = new();

        public RecordedSchedule()
        {
            Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "VmmCopiesTwice").ExitCode);
            Text = File.ReadAllText(Path.Combine(sandbox.Out, "SingleFault.schedule.json"));
        }

        public string Text { get; }

        public void Dispose() => sandbox.Dispose();
    }
}
