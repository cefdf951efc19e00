using Iopf.Worlds;
using Iopf.Protocol.Configuration;

namespace Iopf.Models.Mutants;

/// <summary>A mutant with the world that exposes it and the property expected to catch it.</summary>
/// <param name="BeyondSampling">
/// Why sampled exploration does not reliably reach this mutant's window within the default budget, when it
/// does not; such a mutant is killed by the exhaustive explorer instead, and the kill table says so.
/// </param>
public sealed record MutantCase(Mutant Mutant, WorldDefinition World, string ExpectedProperty, string? BeyondSampling = null)
{
    /// <summary>The world with only this mutant switched on.</summary>
    public WorldDefinition Broken => World.WithMutants([Mutant]);
}
