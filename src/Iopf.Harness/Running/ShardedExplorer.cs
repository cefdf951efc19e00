using Iopf.Models.Exploration;
using Iopf.Models.Scenarios;

namespace Iopf.Harness.Running;

/// <summary>
/// Splits one exploration into independent shards, each its own in-process TestingEngine with seed
/// (seed + shard index) and a share of the iterations. The reported bug is the one of the lowest-numbered
/// shard that finds one, so the counterexample does not depend on thread timing: once shard k finds a bug,
/// only the shards above k are stopped (those below may still find an earlier-ranked one).
/// </summary>
public static class ShardedExplorer
{
    public static ExplorationOutcome Explore(Scenario scenario, ExplorationBudget budget, int shards, Action onIteration)
    {
        if (shards <= 1 || budget.Iterations <= 1)
        {
            return Explorer.Explore(scenario, budget, _ => onIteration());
        }

        var budgets = Split(budget, shards);
        var stops = budgets.Select(_ => new CancellationTokenSource()).ToArray();
        try
        {
            var tasks = budgets.Select((b, i) => Task.Run(() =>
            {
                var outcome = Explorer.Explore(scenario, b, _ => onIteration(), stops[i].Token);
                if (!outcome.Holds)
                {
                    foreach (var later in stops.Skip(i + 1))
                    {
                        later.Cancel();
                    }
                }

                return outcome;
            })).ToArray();
            var outcomes = Task.WhenAll(tasks).GetAwaiter().GetResult();
            var first = outcomes.FirstOrDefault(o => !o.Holds) ?? outcomes[0];
            return first with
            {
                Budget = first.Holds ? budget : first.Budget,
                IterationsRun = (uint)outcomes.Sum(o => o.IterationsRun),
                TotalSteps = outcomes.Sum(o => o.TotalSteps),
            };
        }
        finally
        {
            foreach (var stop in stops)
            {
                stop.Dispose();
            }
        }
    }

    /// <summary>The shards' budgets: iterations split as evenly as possible (earlier shards take the remainder), seed + index.</summary>
    public static IReadOnlyList<ExplorationBudget> Split(ExplorationBudget budget, int shards)
    {
        var count = (uint)Math.Min(shards, budget.Iterations);
        var share = budget.Iterations / count;
        var remainder = budget.Iterations % count;
        return Enumerable.Range(0, (int)count)
            .Select(i => budget with { Iterations = share + ((uint)i < remainder ? 1u : 0u), Seed = budget.Seed + (uint)i })
            .ToList();
    }
}
