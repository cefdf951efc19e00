namespace Iopf.Worlds.Sampling;

/// <summary>How hard to sample one world with Coyote: schedules, strategy, step bound and seed (the same seed gives the same schedules).</summary>
public sealed record ExplorationBudget(
    uint Iterations = 1000,
    Strategy Strategy = Strategy.Random,
    uint MaxSteps = 1000,
    uint Seed = 1,
    uint StrategyBound = 10);
