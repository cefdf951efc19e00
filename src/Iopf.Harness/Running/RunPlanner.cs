using Iopf.Models.Entry;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;
using Iopf.Worlds.Plan;
using Iopf.Worlds.Sampling;

namespace Iopf.Harness.Running;

/// <summary>Command-line overrides of the budgets read from the plan and the worlds (null: keep their value).</summary>
public sealed record BudgetOverrides(Strategy? Strategy, uint? Iterations, uint? Seed, uint? MaxSteps);

/// <summary>
/// Turns the plan, the chosen worlds and the command line into the list of world runs, checking every name
/// first: an unknown world or mutant is refused before anything is explored.
/// </summary>
public static class RunPlanner
{
    public static IReadOnlyList<WorldRun> Plan(VerificationPlan plan, IReadOnlyList<WorldDefinition>? worlds, IReadOnlyList<string> mutantNames, BudgetOverrides overrides)
    {
        var mutants = MutantChoice.Parse(mutantNames);
        return (worlds ?? plan.Worlds)
            .Select(w => new WorldRun(w.WithMutants(mutants), Apply(plan.BudgetOf(w), overrides)))
            .ToList();
    }

    private static ExplorationBudget Apply(ExplorationBudget budget, BudgetOverrides o) => budget with
    {
        Strategy = o.Strategy ?? budget.Strategy,
        Iterations = o.Iterations ?? budget.Iterations,
        Seed = o.Seed ?? budget.Seed,
        MaxSteps = o.MaxSteps ?? budget.MaxSteps,
    };
}
