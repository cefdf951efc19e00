namespace Iopf.Worlds.Sampling;

/// <summary>The Coyote exploration strategies the harness offers (all sample schedules; exhaustive answers come from Iopf.Exhaustive). The names are data a world or the plan names; applying one to Coyote is the models' business..</summary>
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
}
