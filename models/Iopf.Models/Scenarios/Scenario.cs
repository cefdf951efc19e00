using Iopf.Protocol.Configuration;

namespace Iopf.Models.Scenarios;

/// <summary>A named world to explore: its configuration and what it is meant to exercise.</summary>
public sealed record Scenario(string Name, string Summary, ModelConfig Config)
{
    public Scenario WithMutants(IEnumerable<Mutant> mutants) =>
        this with { Config = Config with { Mutants = [.. mutants] } };
}
