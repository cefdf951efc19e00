using Iopf.Models.Scenarios;
using Iopf.Protocol.Configuration;

namespace Iopf.Models.Mutants;

/// <summary>A mutant with the scenario that exposes it and the property expected to catch it.</summary>
public sealed record MutantCase(Mutant Mutant, Scenario Scenario, string ExpectedProperty)
{
    /// <summary>The scenario with only this mutant switched on.</summary>
    public Scenario Broken => Scenario.WithMutants([Mutant]);
}
