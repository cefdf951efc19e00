using Iopf.Protocol.Configuration;
using Iopf.Worlds.Mutants;
using Iopf.Worlds.Sampling;

namespace Iopf.Worlds;

/// <summary>
/// A world: one configuration of the protocol to verify (topology, memory, queues, design, workload), written
/// once as data and read by every engine. Optional sections carry its Coyote budget and what its exhaustive
/// exploration is expected to find (pinned state counts, as tlaplus/Examples' manifest keeps them).
/// </summary>
/// <param name="Name">The file's name without .json: what `--world` and reports call it.</param>
/// <param name="Origin">"built-in" for a world of the repository's worlds/ folder, else the path it was read from.</param>
/// <param name="Text">The file's text, kept so a schedule can carry the exact world it was recorded against.</param>
public sealed record WorldDefinition(
    string Name,
    string Description,
    ModelConfig Config,
    SamplingOverrides Sampling,
    ExhaustiveExpectation? Exhaustive,
    string Origin,
    string Text)
{
    public const string BuiltInOrigin = "built-in";

    public bool IsBuiltIn => Origin == BuiltInOrigin;

    /// <summary>Small enough that `iopf verify` and CI explore every interleaving of it.</summary>
    public bool IsSmall => Exhaustive is { Small: true };

    /// <summary>The mutants switched on, by name (ordinal); the config's rules take their choices.</summary>
    public IReadOnlyList<Mutant> Mutants { get; private init; } = [];

    /// <summary>This world with exactly these mutants on (none: the protocol as designed).</summary>
    public WorldDefinition WithMutants(IEnumerable<Mutant> mutants)
    {
        IReadOnlyList<Mutant> on = [.. mutants.Distinct().OrderBy(m => m.Name, StringComparer.Ordinal)];
        return this with { Mutants = on, Config = Config with { Rules = Mutant.Rules(on) } };
    }
}

/// <summary>A world's own Coyote budget: each value given overrides the plan's defaults.</summary>
public sealed record SamplingOverrides(uint? Iterations = null, Strategy? Strategy = null, uint? MaxSteps = null, uint? Seed = null, uint? StrategyBound = null)
{
    public ExplorationBudget ApplyTo(ExplorationBudget defaults) => new(
        Iterations ?? defaults.Iterations,
        Strategy ?? defaults.Strategy,
        MaxSteps ?? defaults.MaxSteps,
        Seed ?? defaults.Seed,
        StrategyBound ?? defaults.StrategyBound);
}

/// <summary>
/// What the exhaustive explorer must find on the correct model: Small marks the world as checked completely
/// by `iopf verify` and CI; the counts, when given, are pinned (a change to them is a change to the model
/// that must be looked at, not drift).
/// </summary>
public sealed record ExhaustiveExpectation(bool Small, long? States, long? Transitions, int? Depth);
