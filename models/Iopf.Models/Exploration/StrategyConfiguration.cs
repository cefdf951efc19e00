using Iopf.Worlds.Sampling;
using Microsoft.Coyote;

namespace Iopf.Models.Exploration;

/// <summary>Turns a strategy name of a world or the plan into Coyote's configuration.</summary>
public static class StrategyConfiguration
{
    /// <summary>Applies the strategy; Bound is the priority-change / delay / coin bound of the bounded strategies.</summary>
    public static Configuration Apply(this Configuration configuration, Strategy strategy, uint bound) => strategy switch
    {
        // Left alone, Coyote 1.7 runs its tuned portfolio (fair prioritization and probabilistic): say random, get random.
        Strategy.Random => configuration.WithRandomStrategy(),
        Strategy.Portfolio => configuration,
        Strategy.QLearning => configuration.WithQLearningStrategy(),
        Strategy.Probabilistic => configuration.WithProbabilisticStrategy(bound),
        Strategy.Prioritization => configuration.WithPrioritizationStrategy(false, bound),
        Strategy.FairPrioritization => configuration.WithPrioritizationStrategy(true, bound),
        Strategy.DelayBounding => configuration.WithDelayBoundingStrategy(false, bound),
        Strategy.FairDelayBounding => configuration.WithDelayBoundingStrategy(true, bound),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };
}
