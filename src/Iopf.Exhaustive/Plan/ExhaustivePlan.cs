using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iopf.Exhaustive;

/// <summary>
/// The exhaustive section of coyote.json: which configurations `iopf exhaustive` checks by default, the
/// search bounds, and configurations of the user's own. Everything is validated on load; the first problem is
/// reported as one line naming the file, the line and the key.
/// </summary>
/// <example>
/// "exhaustive": {
///   "configurations": [ "TwoVmsSharedBuffers", "MyRig" ],
///   "maxStates": 20000000,
///   "custom": { "MyRig": { "vms": 2, "pagesPerVm": 2, "hostFrames": 3, "payloads": [ { "vm": 0, "page": 1 } ] } }
/// }
/// </example>
public sealed record ExhaustivePlan(IReadOnlyList<SmallScopeConfig> Defaults, IReadOnlyList<SmallScopeConfig> Known, ExhaustiveOptions Options)
{
    /// <summary>The built-in configurations only, with default bounds (a coyote.json without an exhaustive section).</summary>
    public static ExhaustivePlan BuiltIn { get; } = new(SmallScope.All, [.. SmallScope.All, .. SmallScope.Larger], new ExhaustiveOptions());

    public SmallScopeConfig? Find(string name) => Known.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public static ExhaustivePlan Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ExhaustivePlanException($"{path}: file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static ExhaustivePlan Parse(string json, string source)
    {
        Section? section;
        try
        {
            section = JsonSerializer.Deserialize<PlanFile>(json, JsonOptions)?.Exhaustive;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"{source}:{line + 1}" : source;
            var key = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" at {e.Path}";
            var cut = e.Message.IndexOf(". ", StringComparison.Ordinal);
            throw new ExhaustivePlanException($"{where}: {(cut < 0 ? e.Message : e.Message[..cut]).TrimEnd('.')}{key}");
        }

        if (section is null)
        {
            return BuiltIn;
        }

        // Where a problem is: the line of the key it is about, and its path in the section.
        string Where(string key, string? path = null) => $"{source}:{LineOf(json, key)}: exhaustive.{path ?? key}";

        var known = new List<SmallScopeConfig>(BuiltIn.Known);
        foreach (var (name, entry) in section.Custom ?? [])
        {
            if (known.Any(c => c.Name == name))
            {
                throw new ExhaustivePlanException($"{Where(name, $"custom.{name}")}: the name of a built-in configuration; choose another");
            }

            if (entry is null)
            {
                throw new ExhaustivePlanException($"{Where(name, $"custom.{name}")}: empty; give at least the payloads");
            }

            var (config, problem) = entry.ToModelConfig();
            if (config is null)
            {
                throw new ExhaustivePlanException($"{Where(name, $"custom.{name}")}.{problem}");
            }

            known.Add(new SmallScopeConfig(name, entry.Description ?? "from " + Path.GetFileName(source), config));
        }

        var defaults = new List<SmallScopeConfig>();
        foreach (var name in section.Configurations ?? [.. SmallScope.All.Select(c => c.Name), .. (section.Custom ?? []).Keys])
        {
            defaults.Add(known.FirstOrDefault(c => c.Name == name)
                ?? throw new ExhaustivePlanException($"{Where("configurations")}: unknown configuration '{name}'; valid: {string.Join(", ", known.Select(c => c.Name))}"));
        }

        if (defaults.Count == 0)
        {
            throw new ExhaustivePlanException($"{Where("configurations")}: must name at least one configuration");
        }

        if (section.MaxStates is < 1)
        {
            throw new ExhaustivePlanException($"{Where("maxStates")}: must be at least 1, not {section.MaxStates}");
        }

        if (section.MaxDepth is < 0)
        {
            throw new ExhaustivePlanException($"{Where("maxDepth")}: must be at least 0, not {section.MaxDepth}");
        }

        var options = new ExhaustiveOptions();
        options = options with { MaxStates = section.MaxStates ?? options.MaxStates, MaxDepth = section.MaxDepth ?? options.MaxDepth };
        return new ExhaustivePlan(defaults, known, options);
    }

    // The line of the first occurrence of "key" after the exhaustive section starts (the file is small and
    // its keys are ours, so this finds the right one; JsonElement keeps no positions).
    private static int LineOf(string json, string key)
    {
        var section = Math.Max(0, json.IndexOf("\"exhaustive\"", StringComparison.Ordinal));
        var index = json.IndexOf($"\"{key}\"", section, StringComparison.Ordinal);
        return json.AsSpan(0, index < 0 ? section : index).Count('\n') + 1;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = JsonNumberHandling.Strict,
    };

    // Only the exhaustive section is read here; the rest of coyote.json belongs to the exploration plan.
    private sealed record PlanFile(Section? Exhaustive);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    private sealed record Section(
        string[]? Configurations,
        int? MaxStates,
        int? MaxDepth,
        Dictionary<string, ConfigurationEntry?>? Custom);
}
