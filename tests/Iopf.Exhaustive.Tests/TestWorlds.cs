using Iopf.Protocol.Configuration;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Exhaustive.Tests;

/// <summary>The built-in worlds' configurations by name, as the tests use them.</summary>
internal static class TestWorlds
{
    public static ModelConfig Config(string name) => World(name).Config;

    public static ModelConfig Config(string name, Mutant mutant) => World(name).WithMutants([mutant]).Config;

    public static ModelConfig Config(string name, string mutant) =>
        Config(name, Mutant.Find(mutant) ?? throw new ArgumentException($"no mutant {mutant}"));

    private static WorldDefinition World(string name) => WorldCatalog.Find(name) ?? throw new ArgumentException($"no built-in world {name}");
}
