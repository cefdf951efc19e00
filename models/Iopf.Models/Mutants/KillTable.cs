using Iopf.Models.Exploration;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;
using Iopf.Worlds.Plan;
using Iopf.Worlds.Sampling;

namespace Iopf.Models.Mutants;

/// <summary>One mutant's fate: which property caught it, after how many schedules and steps, and whether its schedule replays to the same violation.</summary>
public sealed record KillRow(
    Mutant Mutant,
    WorldDefinition World,
    ExplorationBudget Budget,
    string? CaughtBy,
    string? Verdict,
    uint Iterations,
    int Steps,
    string? Schedule,
    bool ReplaysIdentically)
{
    public bool Killed => CaughtBy is not null;

    public bool AsExpected => CaughtBy == Mutant.Property;
}

/// <summary>
/// Runs every mutant of the table (or the given ones) under the budget the plan gives its world (coyote.json) and replays each
/// failing schedule in-process, checking it reproduces the same property, verdict and number of steps.
/// </summary>
public static class KillTable
{
    public static IReadOnlyList<KillRow> Compute(VerificationPlan plan, IEnumerable<Mutant>? mutants = null, Action<string>? progress = null)
    {
        var rows = new List<KillRow>();
        foreach (var m in mutants ?? Mutant.All)
        {
            progress?.Invoke(m.Name);
            var world = m.World();
            var broken = m.Broken();
            var budget = plan.BudgetOf(world);
            var outcome = Explorer.Explore(broken, budget);
            if (outcome.Holds)
            {
                rows.Add(new KillRow(m, world, budget, null, null, outcome.IterationsRun, 0, null, false));
                continue;
            }

            var replay = Explorer.Replay(broken, budget, outcome.ReproducibleTrace!);
            var same = replay.ViolatedProperty == outcome.ViolatedProperty
                && replay.Verdict == outcome.Verdict
                && replay.StepsInBugTrace == outcome.StepsInBugTrace;
            rows.Add(new KillRow(m, world, budget, outcome.ViolatedProperty, outcome.Verdict, outcome.IterationsRun, outcome.StepsInBugTrace, outcome.ReproducibleTrace, same));
        }

        return rows;
    }
}
