using Iopf.Worlds.Reading;

namespace Iopf.Worlds.Plan;

/// <summary>
/// Reads coyote.json with the same reader and validator as world files: every key checked, the first problem
/// one line with file, line and key.
/// </summary>
/// <example>
/// {
///   "defaults": { "iterations": 1000, "strategy": "random", "maxSteps": 2000, "seed": 1, "strategyBound": 10 },
///   "worlds": [ "SingleFault", "rigs/MyRig.json" ],
///   "exhaustive": { "maxStates": 20000000 }
/// }
/// </example>
public static class PlanReader
{
    public static VerificationPlan Load(string path)
    {
        using var source = JsonSource.Load(path, "plan");
        return Read(source, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <param name="baseDirectory">Where the plan's relative world paths are taken from (the plan's folder).</param>
    public static VerificationPlan Parse(string text, string sourceName, string baseDirectory)
    {
        using var source = JsonSource.Parse(text, sourceName);
        return Read(source, baseDirectory);
    }

    private static VerificationPlan Read(JsonSource source, string baseDirectory)
    {
        var root = source.Root;
        _ = root.Has("$schema");
        var defaults = VerificationPlan.BuiltInDefaults;
        if (root.Object("defaults") is { } fields)
        {
            defaults = SamplingReader.Read(fields).ApplyTo(defaults);
            fields.RejectUnknownKeys();
        }

        var worlds = new List<WorldDefinition>();
        foreach (var (name, path) in root.Strings("worlds", 1024) ?? [])
        {
            WorldDefinition world;
            try
            {
                world = WorldCatalog.Resolve(name, baseDirectory);
            }
            catch (DataFileException e) when (!WorldCatalog.IsPath(name))
            {
                throw new DataFileException($"{source.Name}:{source.LineOf(path)}: {path}: {e.Message}");
            }

            if (worlds.Any(w => w.Name == world.Name))
            {
                throw new DataFileException($"{source.Name}:{source.LineOf(path)}: {path}: world '{world.Name}' is listed twice");
            }

            worlds.Add(world);
        }

        if (root.Has("worlds") && worlds.Count == 0)
        {
            throw root.Problem("worlds", "empty: name at least one world, or leave the key out to check every built-in world");
        }

        int? maxStates = null;
        int? maxDepth = null;
        if (root.Object("exhaustive") is { } exhaustive)
        {
            maxStates = exhaustive.Int("maxStates", 1, int.MaxValue);
            maxDepth = exhaustive.Int("maxDepth", 0, int.MaxValue);
            exhaustive.RejectUnknownKeys();
        }

        root.RejectUnknownKeys();
        return new VerificationPlan(defaults, worlds.Count > 0 ? worlds : WorldCatalog.BuiltIn, maxStates, maxDepth, source.Name);
    }
}
