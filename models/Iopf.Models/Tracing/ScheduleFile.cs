using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Iopf.Models.Exploration;
using Iopf.Models.Entry;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;
using Iopf.Worlds.Reading;
using Iopf.Worlds.Sampling;

namespace Iopf.Models.Tracing;

/// <summary>
/// A counterexample schedule as the harness stores it: Coyote's reproducible trace wrapped in a header that
/// says what it was recorded against (the world, whole, so the schedule replays without its file; mutants,
/// budget, model fingerprint) and what it showed. Coyote's trace alone names none of these, so a schedule from
/// another model would fail opaquely.
/// </summary>
public sealed record ScheduleFile(
    WorldDefinition World,
    IReadOnlyList<Mutant> Mutants,
    ExplorationBudget Budget,
    string ModelFingerprint,
    string ViolatedProperty,
    string Verdict,
    string CoyoteTrace)
{
    public const string Format = "iopf-schedule/2";

    public const string Extension = ".schedule.json";

    /// <summary>The recorded world with the recorded mutants switched on.</summary>
    public WorldDefinition Resolve() => World.WithMutants(Mutants);

    public string ToJson()
    {
        var header = new Header
        {
            Format = Format,
            World = World.Name,
            WorldOrigin = World.Origin,
            WorldDefinition = JsonNode.Parse(World.Text, null, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }),
            Mutants = [.. Mutants.Select(m => m.ToString())],
            Budget = new BudgetHeader
            {
                Strategy = Budget.Strategy.ToCliName(),
                Iterations = Budget.Iterations,
                MaxSteps = Budget.MaxSteps,
                Seed = Budget.Seed,
                StrategyBound = Budget.StrategyBound,
            },
            ModelFingerprint = ModelFingerprint,
            ViolatedProperty = ViolatedProperty,
            Verdict = Verdict,
            CoyoteTrace = JsonNode.Parse(CoyoteTrace),
        };
        return JsonSerializer.Serialize(header, Options) + "\n";
    }

    public static ScheduleFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScheduleException($"{path}: schedule file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads and checks a schedule; every problem is one line naming the source.</summary>
    public static ScheduleFile Parse(string json, string source)
    {
        Header header;
        try
        {
            header = JsonSerializer.Deserialize<Header>(json, Options) ?? throw new ScheduleException($"{source}: empty schedule file");
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $":{l + 1}" : string.Empty;
            throw new ScheduleException($"{source}{line}: not a readable schedule (truncated or malformed JSON{(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" at {e.Path}")})");
        }

        if (header.Format != Format)
        {
            throw new ScheduleException(header.Format is null
                ? $"{source}: not an iopf schedule (no \"format\": \"{Format}\" header); a raw Coyote trace replays with `dotnet coyote replay`"
                : $"{source}: unsupported schedule format '{header.Format}'; this build reads {Format}");
        }

        string Required(string? value, string key) =>
            string.IsNullOrWhiteSpace(value) ? throw new ScheduleException($"{source}: schedule header lacks '{key}'") : value;

        var worldName = Required(header.World, "world");
        if (header.WorldDefinition is not JsonObject definition)
        {
            throw new ScheduleException($"{source}: schedule header lacks the recorded world ('worldDefinition')");
        }

        WorldDefinition world;
        try
        {
            world = WorldReader.Parse(definition.ToJsonString(), $"{source} (recorded world {worldName})", worldName, Required(header.WorldOrigin, "worldOrigin"));
        }
        catch (DataFileException e)
        {
            throw new ScheduleException(e.Message);
        }

        IReadOnlyList<Mutant> mutants;
        try
        {
            mutants = MutantSelection.Parse(string.Join(",", header.Mutants ?? []));
        }
        catch (Exception e) when (e is UnknownNameException or ConflictingMutantsException)
        {
            throw new ScheduleException($"{source}: {e.Message}");
        }

        var budget = header.Budget ?? throw new ScheduleException($"{source}: schedule header lacks 'budget'");
        if (!StrategyNames.TryParse(Required(budget.Strategy, "budget.strategy"), out var strategy))
        {
            throw new ScheduleException($"{source}: budget.strategy: unknown strategy '{budget.Strategy}'; valid: {string.Join(", ", StrategyNames.All)}");
        }

        if (header.CoyoteTrace is not JsonObject trace || trace["Steps"] is not JsonArray)
        {
            throw new ScheduleException($"{source}: schedule lacks Coyote's trace ('coyoteTrace' with its 'Steps')");
        }

        return new ScheduleFile(
            world,
            mutants,
            new ExplorationBudget(budget.Iterations, strategy, budget.MaxSteps, budget.Seed, budget.StrategyBound),
            Required(header.ModelFingerprint, "modelFingerprint"),
            Required(header.ViolatedProperty, "violatedProperty"),
            Required(header.Verdict, "verdict"),
            trace.ToJsonString());
    }

    /// <summary>Refuses a schedule recorded against another build of the model, naming both fingerprints.</summary>
    public void EnsureRecordedAgainst(string fingerprint, string source)
    {
        if (ModelFingerprint != fingerprint)
        {
            throw new ScheduleException($"{source}: recorded against another model version (schedule {ModelFingerprint}, this build {fingerprint}); record it again with `iopf run`");
        }
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
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

        public BudgetHeader? Budget { get; set; }

        public string? ModelFingerprint { get; set; }

        public string? ViolatedProperty { get; set; }

        public string? Verdict { get; set; }

        public JsonNode? CoyoteTrace { get; set; }
    }

    private sealed class BudgetHeader
    {
        public string? Strategy { get; set; }

        [JsonNumberHandling(JsonNumberHandling.Strict)]
        public uint Iterations { get; set; }

        [JsonNumberHandling(JsonNumberHandling.Strict)]
        public uint MaxSteps { get; set; }

        [JsonNumberHandling(JsonNumberHandling.Strict)]
        public uint Seed { get; set; }

        [JsonNumberHandling(JsonNumberHandling.Strict)]
        public uint StrategyBound { get; set; }
    }
}
