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

    public static ExhaustiveSchedule Parse(string json, string source)
    {
        Header header;
        try
        {
            header = JsonSerializer.Deserialize<Header>(json, Options) ?? throw new ScheduleException($"{source}: empty schedule file");
        }
        catch (JsonException e)
        {
            throw new ScheduleException($"{source}{(e.LineNumber is { } l ? $":{l + 1}" : string.Empty)}: not a readable exhaustive schedule (truncated or malformed JSON)");
        }

        string Required(string? value, string key) =>
            string.IsNullOrWhiteSpace(value) ? throw new ScheduleException($"{source}: schedule header lacks '{key}'") : value;

        var name = Required(header.World, "world");
        if (header.WorldDefinition is not JsonObject definition)
        {
            throw new ScheduleException($"{source}: schedule header lacks the recorded world ('worldDefinition')");
        }

        try
        {
            var world = WorldReader.Parse(definition.ToJsonString(), $"{source} (recorded world {name})", name, Required(header.WorldOrigin, "worldOrigin"));
            var mutants = MutantSelection.Parse(string.Join(",", header.Mutants ?? []));
            if (!Enum.TryParse<ViolationKind>(Required(header.Kind, "kind"), out var kind))
            {
                throw new ScheduleException($"{source}: unknown violation kind '{header.Kind}'");
            }

            var steps = header.Steps ?? throw new ScheduleException($"{source}: schedule lacks its 'steps'");
            return new ExhaustiveSchedule(world, mutants, Required(header.EngineFingerprint, "engineFingerprint"), kind, Required(header.ViolatedProperty, "violatedProperty"), Required(header.Verdict, "verdict"), [.. steps.Select(s => (s.Slot, s.Choice))]);
        }
        catch (Exception e) when (e is DataFileException or UnknownNameException)
        {
            throw new ScheduleException($"{source}: {e.Message}");
        }
    }

    private static string PartyName(int slot) => PartySlots.Name(slot);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
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
