using Iopf.Models.Exploration;
using Iopf.Worlds;
using Iopf.Worlds.Sampling;

namespace Iopf.Harness.Running;

/// <summary>
/// Splits one exploration into independent shards, each its own in-process TestingEngine with seed
/// (seed + shard index) and a share of the iterations. The reported bug is the one of the lowest-numbered
/// shard that finds one, so the counterexample does not depend on thread timing: once shard k finds a bug,
/// only the shards above k are stopped (those below may still find an earlier-ranked one).
/// </summary>
public static class ShardedExplorer
{
    public static ExplorationOutcome Explore(WorldDefinition world, ExplorationBudget budget, int shards, Action onIteration)
    {
        if (shards <= 1 || budget.Iterations <= 1)
        {
            return Explorer.Explore(world, budget, _ => onIteration());
        }

        var budgets = Split(budget, shards);
        var stopped = new bool[budgets.Count];
        var tasks = budgets.Select((b, i) => Task.Run(() =>
        {
            var outcome = Explorer.Explore(world, b, _ =>
            {
                // Stopping from inside the iteration that starts: the engine ends it as a failed iteration and
                // returns normally. (TestingEngine.Stop would return at once and leave that iteration running.)
                if (Volatile.Read(ref stopped[i]))
                {
                    throw new ShardStoppedException();
                }

                onIteration();
            });
            if (!outcome.Holds && !Volatile.Read(ref stopped[i]))
            {
                for (var later = i + 1; later < stopped.Length; later++)
                {
                    Volatile.Write(ref stopped[later], true);
                }
            }

            return (Outcome: outcome, Stopped: Volatile.Read(ref stopped[i]));
        })).ToArray();
        var results = Task.WhenAll(tasks).GetAwaiter().GetResult();

        // A stopped shard's "bug" is the stop itself; a real bug of a lower shard is what stopped it.
        var found = results.FirstOrDefault(r => !r.Stopped && !r.Outcome.Holds).Outcome;
        var chosen = found ?? results[0].Outcome;
        return chosen with
        {
            Budget = found is null ? budget : found.Budget,
            IterationsRun = (uint)results.Sum(r => r.Outcome.IterationsRun),
            TotalSteps = results.Sum(r => r.Outcome.TotalSteps),
            Reached = [.. results.SelectMany(r => r.Outcome.Reached).Distinct().Order()],
        };
    }

    /// <summary>Thrown at the start of a stopped shard's next iteration.</summary>
    private sealed class ShardStoppedException() : Exception("shard stopped: a lower shard found a bug");

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
