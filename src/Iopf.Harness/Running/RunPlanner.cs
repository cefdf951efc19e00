using Iopf.Models.Exploration;
using Iopf.Models.Scenarios;
using Iopf.Protocol.Configuration;

namespace Iopf.Harness.Running;

/// <summary>Command-line overrides of the budgets read from coyote.json (null: keep the file's value).</summary>
public sealed record BudgetOverrides(Strategy? Strategy, uint? Iterations, uint? Seed, uint? MaxSteps);

/// <summary>
/// Turns coyote.json and the command line into the list of scenario runs, checking every name first:
/// an unknown scenario or mutant is refused before anything is explored.
/// </summary>
public static class RunPlanner
{
    public static IReadOnlyList<ScenarioRun> Plan(ExplorationPlan plan, IReadOnlyList<string> scenarioNames, IReadOnlyList<string> mutantNames, BudgetOverrides overrides)
    {
        IReadOnlyList<Mutant> mutants = MutantSelection.Parse(string.Join(",", mutantNames));
        var chosen = new List<(Scenario, ExplorationBudget)>();
        if (scenarioNames.Count == 0)
        {
            chosen.AddRange(plan.Entries);
        }
        else
        {
            foreach (var name in scenarioNames.Distinct())
            {
                var scenario = ScenarioCatalog.Find(name)
                    ?? throw new UnknownNameException("scenario", name, ScenarioCatalog.All.Select(s => s.Name));

                // A scenario left out of coyote.json is still runnable, with the built-in default budget.
                var budget = plan.Entries.FirstOrDefault(e => e.Scenario.Name == name).Budget ?? new ExplorationBudget();
                chosen.Add((scenario, budget));
            }
        }

        return chosen
            .Select(c => new ScenarioRun(c.Item1.WithMutants(mutants), Apply(c.Item2, overrides)))
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
