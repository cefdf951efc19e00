using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Models.Mutants;

/// <summary>The built-in worlds a mutant's row names, for the Coyote engine.</summary>
public static class MutantWorlds
{
    /// <summary>The correct world whose races expose the mutant (its row's <see cref="Mutant.World"/>).</summary>
    public static WorldDefinition World(this Mutant mutant) =>
        WorldCatalog.Find(mutant.World) ?? throw new InvalidOperationException($"mutant {mutant.Name}: no built-in world {mutant.World}");

    /// <summary>That world with only this mutant switched on.</summary>
    public static WorldDefinition Broken(this Mutant mutant) => mutant.World().WithMutants([mutant]);
}
