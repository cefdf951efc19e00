using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Iopf.Exhaustive;
using Iopf.Models.Entry;
using Iopf.Models.Tracing;
using Iopf.Protocol.Configuration;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;
using Iopf.Worlds.Reading;

namespace Iopf.Harness.Output;

/// <summary>
/// A counterexample of the exhaustive explorer as a file: the world (whole, as in a Coyote schedule), the
/// mutants, the fingerprint of the engine that found it, the violation, and the explorer's own path, one
/// (slot, choice) per step. It is replayed by re-running exactly that path through the same step functions
/// (<see cref="PathReplayer.Check"/>): no Coyote, no search. The party name beside each slot is for readers.
/// </summary>
public sealed record ExhaustiveSchedule(
    WorldDefinition World,
    IReadOnlyList<Mutant> Mutants,
    string EngineFingerprint,
    ViolationKind Kind,
    string ViolatedProperty,
    string Verdict,
    IReadOnlyList<(int Slot, int Choice)> Path)
{
    public const string Format = "iopf-exhaustive-schedule/1";

    /// <summary>Its files are named &lt;world&gt;.exhaustive.*, so they sit beside `run`'s &lt;world&gt;.* in one folder.</summary>
    public const string Stem = ".exhaustive";

    /// <summary>The engine's fingerprint: as <see cref="ModelFingerprint"/>, over Iopf.Protocol, Iopf.Specs, Iopf.Worlds and Iopf.Exhaustive.</summary>
    public static string CurrentFingerprint { get; } = ModelFingerprint.Of([.. ModelFingerprint.Core, typeof(ExhaustiveExplorer).Assembly]);

    public static ExhaustiveSchedule Of(WorldDefinition world, IReadOnlyList<Mutant> mutants, Counterexample c) =>
        new(world, mutants, CurrentFingerprint, c.Kind, c.Property, c.Verdict, c.Path);

    public WorldDefinition Resolve() => World.WithMutants(Mutants);

    /// <summary>True when the text is one of these files (its "format" says so), so replay knows which engine to use.</summary>
    public static bool IsOne(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject o && o["format"] is JsonValue v && v.TryGetValue<string>(out var f) && f == Format;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return false;
        }
    }

    public string ToJson()
    {
        var header = new Header
        {
            Format = Format,
            World = World.Name,
            WorldOrigin = World.Origin,
            WorldDefinition = JsonNode.Parse(World.Text, null, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }),
            Mutants = [.. Mutants.Select(m => m.ToString())],
            EngineFingerprint = EngineFingerprint,
            Kind = Kind.ToString(),
            ViolatedProperty = ViolatedProperty,
            Verdict = Verdict,
            Steps = [.. Path.Select(p => new StepHeader { Slot = p.Slot, Party = PartyName(p.Slot), Choice = p.Choice })],
        };
        return JsonSerializer.Serialize(header, Options) + "\n";
    }

    /// <summary>
    /// Reads an exhaustive schedule with the validating reader, as a Coyote schedule is read: one line naming
    /// the key for every problem, duplicate and unknown keys refused, and the recorded world and mutants
    /// checked by the same code (<see cref="ScheduleFile.ReadRecordedWorld"/>).
    /// </summary>
    public static ExhaustiveSchedule Parse(string json, string source) => ScheduleFile.ParseWith(json, source, Read);

    private static ExhaustiveSchedule Read(JsonSource document)
    {
        var root = document.Root;
        var format = root.String("format");
        if (format != Format)
        {
            throw root.Problem("format", $"'{format}' is not {Format}");
        }

        var (world, mutants) = ScheduleFile.ReadRecordedWorld(document, root);
        var fingerprint = root.String("engineFingerprint") ?? throw root.Problem("engineFingerprint", "missing: the engine build the path was recorded against");
        var kindName = root.String("kind") ?? throw root.Problem("kind", $"missing: one of {string.Join(", ", Enum.GetNames<ViolationKind>())}");

        // Enum.TryParse also takes "1" for the kind numbered 1: only names count.
        if (!Enum.GetNames<ViolationKind>().Contains(kindName, StringComparer.Ordinal))
        {
            throw root.Problem("kind", $"unknown violation kind '{kindName}'; valid: {string.Join(", ", Enum.GetNames<ViolationKind>())}");
        }

        var property = root.String("violatedProperty") ?? throw root.Problem("violatedProperty", "missing: the property the path violates");
        var verdict = root.String("verdict", 100_000) ?? throw root.Problem("verdict", "missing: the recorded verdict");
        var steps = root.Objects("steps", MaxSteps) ?? throw root.Problem("steps", "missing: the explorer's path, one { slot, party, choice } per step");
        var path = steps.Select(Step).ToList();
        root.RejectUnknownKeys();
        return new ExhaustiveSchedule(world, mutants, fingerprint, Enum.Parse<ViolationKind>(kindName), property, verdict, path);
    }

    // Whether a slot and choice exist in the world is the replayer's to say: it runs the path and refuses a step that cannot be taken.
    private static (int Slot, int Choice) Step(JsonFields step)
    {
        var slot = step.Int("slot", 0, int.MaxValue) ?? throw step.Problem("slot", "missing: the party slot that took the step");
        _ = step.String("party");
        var choice = step.Int("choice", 0, int.MaxValue) ?? throw step.Problem("choice", "missing: the choice the step took");
        step.RejectUnknownKeys();
        return (slot, choice);
    }

    /// <summary>Longer paths are refused before they are read; a real one is no longer than its world's depth (tens of steps).</summary>
    private const int MaxSteps = 1_000_000;

    private static string PartyName(int slot) => PartySlots.Name(slot);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed class Header
    {
        public string? Format { get; set; }

        public string? World { get; set; }

        public string? WorldOrigin { get; set; }

        public JsonNode? WorldDefinition { get; set; }

        public List<string>? Mutants { get; set; }

        public string? EngineFingerprint { get; set; }

        public string? Kind { get; set; }

        public string? ViolatedProperty { get; set; }

        public string? Verdict { get; set; }

        public List<StepHeader>? Steps { get; set; }
    }

    private sealed class StepHeader
    {
        [JsonNumberHandling(JsonNumberHandling.Strict)]
        public int Slot { get; set; }

        public string? Party { get; set; }

        [JsonNumberHandling(JsonNumberHandling.Strict)]
        public int Choice { get; set; }
    }
}
