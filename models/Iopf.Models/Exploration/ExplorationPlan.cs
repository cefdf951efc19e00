using System.Text.Json;
using System.Text.Json.Serialization;
using Iopf.Models.Scenarios;

namespace Iopf.Models.Exploration;

/// <summary>
/// The default exploration (coyote.json): which scenarios to explore, in which order, each with its budget.
/// Loading validates everything up front and reports the first problem as one line naming the file, the
/// line and the key.
/// </summary>
public sealed record ExplorationPlan(IReadOnlyList<(Scenario Scenario, ExplorationBudget Budget)> Entries)
{
    public const string FileName = "coyote.json";

    public static ExplorationPlan Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PlanException($"{path}: file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static ExplorationPlan Parse(string json, string source)
    {
        PlanFile file;
        try
        {
            file = JsonSerializer.Deserialize<PlanFile>(json, Options) ?? throw new PlanException($"{source}: empty document");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"{source}:{line + 1}" : source;
            var key = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" at {e.Path}";
            throw new PlanException($"{where}: {FirstSentence(e.Message)}{key}");
        }

        var defaults = Budget(file.Defaults, new ExplorationBudget(), "defaults", json, source);
        if (file.Scenarios is null || file.Scenarios.Count == 0)
        {
            throw new PlanException($"{source}: 'scenarios' must list at least one scenario");
        }

        var entries = new List<(Scenario, ExplorationBudget)>();
        foreach (var (name, entry) in file.Scenarios)
        {
            var scenario = ScenarioCatalog.Find(name)
                ?? throw new PlanException($"{source}:{LineOf(json, name)}: scenarios.{name}: unknown scenario; valid: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))}");
            entries.Add((scenario, Budget(entry, defaults, $"scenarios.{name}", json, source)));
        }

        return new ExplorationPlan(entries);
    }

    private static ExplorationBudget Budget(BudgetEntry? entry, ExplorationBudget inherited, string key, string json, string source)
    {
        if (entry is null)
        {
            return inherited;
        }

        string Where(string field) => $"{source}:{LineOf(json, key.Split('.').Last())}: {key}.{field}";

        var strategy = inherited.Strategy;
        if (entry.Strategy is { } name && !StrategyNames.TryParse(name, out strategy))
        {
            throw new PlanException($"{Where("strategy")}: unknown strategy '{name}'; valid: {string.Join(", ", StrategyNames.All)}");
        }

        if (entry.Iterations is < 1)
        {
            throw new PlanException($"{Where("iterations")}: must be at least 1, not {entry.Iterations}");
        }

        if (entry.MaxSteps is < 10)
        {
            throw new PlanException($"{Where("maxSteps")}: must be at least 10, not {entry.MaxSteps}");
        }

        return new ExplorationBudget(
            entry.Iterations ?? inherited.Iterations,
            strategy,
            entry.MaxSteps ?? inherited.MaxSteps,
            entry.Seed ?? inherited.Seed,
            entry.StrategyBound ?? inherited.StrategyBound);
    }

    private static int LineOf(string json, string key)
    {
        var index = json.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        return index < 0 ? 1 : json.AsSpan(0, index).Count('\n') + 1;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd('.');
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    private sealed record PlanFile(
        [property: JsonPropertyName("$schema")] string? Schema,
        BudgetEntry? Defaults,
        Dictionary<string, BudgetEntry?>? Scenarios,
        JsonElement? Exhaustive); // the exhaustive explorer's section, read by Iopf.Exhaustive.ExhaustivePlan

    private sealed record BudgetEntry(
        [property: JsonNumberHandling(JsonNumberHandling.Strict)] uint? Iterations,
        string? Strategy,
        [property: JsonNumberHandling(JsonNumberHandling.Strict)] uint? MaxSteps,
        [property: JsonNumberHandling(JsonNumberHandling.Strict)] uint? Seed,
        [property: JsonNumberHandling(JsonNumberHandling.Strict)] uint? StrategyBound,
        string? Description);
}

/// <summary>coyote.json is malformed or names something that does not exist. The message is one line.</summary>
public sealed class PlanException(string message) : Exception(message);
