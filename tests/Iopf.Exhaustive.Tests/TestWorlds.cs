using Iopf.Protocol.Configuration;
using Iopf.Worlds;

namespace Iopf.Exhaustive.Tests;

/// <summary>The built-in worlds' configurations by name, as the tests use them.</summary>
internal static class TestWorlds
{
    public static ModelConfig Config(string name) =>
        (WorldCatalog.Find(name) ?? throw new ArgumentException($"no built-in world {name}")).Config;

    public static ModelConfig Config(string name, Mutant mutant) => Config(name) with { Mutants = [mutant] };
}
