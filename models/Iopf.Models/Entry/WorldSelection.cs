using Iopf.Worlds;

namespace Iopf.Models.Entry;

/// <summary>
/// Reads which world the Coyote entry point runs from the environment (IOPF_WORLD=name or path), the way
/// mutants are chosen, since `dotnet coyote test` passes no arguments to a test method. The world is read
/// once per process: every schedule of a run explores the same world.
/// </summary>
public static class WorldSelection
{
    public const string Variable = "IOPF_WORLD";

    private static readonly Lazy<WorldDefinition> Selected = new(() => Read(Environment.GetEnvironmentVariable(Variable)));

    public static WorldDefinition FromEnvironment() => Selected.Value;

    public static WorldDefinition Read(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new WorldNotSelectedException()
            : WorldCatalog.Resolve(value.Trim());
}

/// <summary>The entry point ran without IOPF_WORLD: the message says how to choose one.</summary>
public sealed class WorldNotSelectedException()
    : Exception($"no world chosen: set {WorldSelection.Variable} to a built-in world ({string.Join(", ", WorldCatalog.BuiltIn.Select(w => w.Name))}) or to the path of a world file");
