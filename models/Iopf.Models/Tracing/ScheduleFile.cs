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

    /// <summary>Larger schedule files are refused before they are read; a real one is tens of kilobytes.</summary>
    public const int MaxBytes = 64 << 20;

    public static ScheduleFile Load(string path) => Parse(ReadText(path), path);

    /// <summary>A schedule file's text, read with a bound; a missing file, a directory or a loop is one plain line.</summary>
    public static string ReadText(string path)
    {
        try
        {
            return TextFile.Read(path, "schedule", MaxBytes);
        }
        catch (DataFileException e)
        {
            throw new ScheduleException(e.Message);
        }
    }

    /// <summary>
    /// Reads and checks a schedule with the validating reader of world files: every problem is one line naming
    /// the source, the line and the key; duplicate and unknown keys are refused (a hand-edited header must not
    /// half-apply), and the recorded world is validated as a world file would be.
    /// </summary>
    public static ScheduleFile Parse(string json, string source) => ParseWith(json, source, Read);

    /// <summary>Parses schedule text with the validating reader and a format's own read; every problem is a <see cref="ScheduleException"/>.</summary>
    public static T ParseWith<T>(string json, string source, Func<JsonSource, T> read)
    {
        try
        {
            using var document = JsonSource.Parse(json, source, MaxBytes);
            return read(document);
        }
        catch (DataFileException e)
        {
            throw new ScheduleException(e.Message);
        }
    }

    private static ScheduleFile Read(JsonSource document)
    {
        var root = document.Root;
        var source = document.Name;

        // The format first: a foreign file (a raw Coyote trace) is named as such, not as a list of unknown keys.
        var format = root.String("format");
        if (format != Format)
        {
            throw new ScheduleException(format is null
                ? $"{source}: not an iopf schedule (no \"format\": \"{Format}\" header); a raw Coyote trace replays with `dotnet coyote replay`"
                : $"{source}: unsupported schedule format '{format}'; this build reads {Format}");
        }

        var (world, mutants) = ReadRecordedWorld(document, root);
        var budget = ReadBudget(root.Object("budget") ?? throw root.Problem("budget", "missing: the Coyote budget the schedule was found with"));
        var fingerprint = root.String("modelFingerprint") ?? throw root.Problem("modelFingerprint", "missing: the model build the schedule was recorded against");
        var property = root.String("violatedProperty") ?? throw root.Problem("violatedProperty", "missing: the property the schedule violates");
        var verdict = root.String("verdict", 100_000) ?? throw root.Problem("verdict", "missing: the recorded verdict");
        var trace = root.Object("coyoteTrace") ?? throw root.Problem("coyoteTrace", "missing: Coyote's trace (with its \"Steps\")");
        _ = trace.Strings("Steps", int.MaxValue) ?? throw trace.Problem("Steps", "missing: the scheduling decisions Coyote replays");
        root.RejectUnknownKeys();

        return new ScheduleFile(world, mutants, budget, fingerprint, property, verdict, JsonNode.Parse(trace.RawText)!.ToJsonString());
    }

    /// <summary>
    /// The part every schedule format shares, read and checked alike: the recorded world (its name, where it
    /// was read from, its definition, validated as a world file) and the mutants switched on in it (known
    /// names, none twice, no two at one decision point).
    /// </summary>
    /// <param name="root">The caller's own view of the root object: it remembers the keys read here, so that its RejectUnknownKeys knows them.</param>
    public static (WorldDefinition World, IReadOnlyList<Mutant> Mutants) ReadRecordedWorld(JsonSource document, JsonFields root)
    {
        var source = document.Name;

        var worldName = root.String("world") ?? throw root.Problem("world", "missing: the name of the recorded world");
        if (WorldReader.NameProblem(worldName) is { } badName)
        {
            throw root.Problem("world", badName);
        }

        var origin = root.String("worldOrigin", 4096) ?? throw root.Problem("worldOrigin", "missing: \"built-in\" or the path the world was read from");
        var definition = root.Object("worldDefinition") ?? throw root.Problem("worldDefinition", "missing: the recorded world, whole");
        var world = WorldReader.ReadEmbedded(definition, worldName, origin);

        var mutants = new List<Mutant>();
        foreach (var (name, path) in root.Strings("mutants", Mutant.All.Count) ?? [])
        {
            if (Mutant.Find(name) is not { } mutant)
            {
                throw new ScheduleException($"{source}:{document.LineOf(path)}: {path}: unknown mutant '{name}'; valid: {string.Join(", ", Mutant.Names)}");
            }

            if (mutants.Contains(mutant))
            {
                throw new ScheduleException($"{source}:{document.LineOf(path)}: {path}: mutant '{name}' is listed twice");
            }

            mutants.Add(mutant);
        }

        try
        {
            // Two mutants at one decision point: no run writes that, so the header was edited.
            _ = Mutant.Rules(mutants);
        }
        catch (ConflictingMutantsException e)
        {
            throw root.Problem("mutants", e.Message);
        }

        return (world, mutants);
    }

    // The ranges of a plan's "defaults": a header edited out of them was never written by `iopf run`.
    private static ExplorationBudget ReadBudget(JsonFields fields)
    {
        var name = fields.String("strategy") ?? throw fields.Problem("strategy", $"missing: one of {string.Join(", ", StrategyNames.All)}");
        if (!StrategyNames.TryParse(name, out var strategy))
        {
            throw fields.Problem("strategy", $"unknown strategy '{name}'; valid: {string.Join(", ", StrategyNames.All)}");
        }

        uint Required(string key, long min, long max) =>
            (uint)(fields.Integer(key, min, max) ?? throw fields.Problem(key, $"missing: a whole number in {min}..{max}"));

        var budget = new ExplorationBudget(
            Required("iterations", 1, WorldLimits.MaxIterations),
            strategy,
            Required("maxSteps", 10, WorldLimits.MaxSchedulingSteps),
            Required("seed", 0, uint.MaxValue),
            Required("strategyBound", 0, 10_000));
        fields.RejectUnknownKeys();
        return budget;
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
