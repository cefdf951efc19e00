using Microsoft.Coyote;

namespace Iopf.Models.Exploration;

/// <summary>The Coyote exploration strategies the harness offers (all sample schedules; exhaustive answers come from Iopf.Exhaustive).</summary>
public enum Strategy
{
    Random,
    Portfolio,
    QLearning,
    Probabilistic,
    Prioritization,
    FairPrioritization,
    DelayBounding,
    FairDelayBounding,
}

public static class StrategyNames
{
    /// <summary>The CLI / coyote.json spelling, the same as `dotnet coyote test -s`.</summary>
    public static string ToCliName(this Strategy strategy) => strategy switch
    {
        Strategy.Random => "random",
        Strategy.Portfolio => "portfolio",
        Strategy.QLearning => "q-learning",
        Strategy.Probabilistic => "probabilistic",
        Strategy.Prioritization => "prioritization",
        Strategy.FairPrioritization => "fair-prioritization",
        Strategy.DelayBounding => "delay-bounding",
        Strategy.FairDelayBounding => "fair-delay-bounding",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };

    public static IReadOnlyList<string> All { get; } = Enum.GetValues<Strategy>().Select(s => s.ToCliName()).ToList();

    public static bool TryParse(string text, out Strategy strategy)
    {
        foreach (var s in Enum.GetValues<Strategy>())
        {
            if (s.ToCliName() == text)
            {
                strategy = s;
                return true;
            }
        }

        strategy = default;
        return false;
    }

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
