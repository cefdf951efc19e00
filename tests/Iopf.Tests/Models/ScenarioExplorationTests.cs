using Iopf.Models.Exploration;

namespace Iopf.Tests.Models;

/// <summary>The correct model explored with the default budget of coyote.json: no property may fail.</summary>
[Collection(CoyoteCollection.Name)]
public class ScenarioExplorationTests
{
    private static readonly ExplorationPlan Plan = ExplorationPlan.Load(RepoFiles.PathOf(ExplorationPlan.FileName));

    public static TheoryData<string> PlannedScenarios() => [.. Plan.Entries.Select(e => e.Scenario.Name)];

    [Theory]
    [MemberData(nameof(PlannedScenarios))]
    public void The_correct_model_holds_every_property(string name)
    {
        var (scenario, budget) = Plan.Entries.Single(e => e.Scenario.Name == name);
        var outcome = Explorer.Explore(scenario, budget);
        Assert.True(outcome.Holds, $"{name}: {outcome.Verdict}");
        Assert.Equal(budget.Iterations, outcome.IterationsRun);
        Assert.True(budget.Iterations >= 1000, "the default budget is at least 1,000 schedules per scenario");
    }

    [Fact]
    public void The_plan_covers_every_scenario_of_the_catalog()
    {
        Assert.Equal(
            Iopf.Models.Scenarios.ScenarioCatalog.All.Select(s => s.Name).Order(),
            Plan.Entries.Select(e => e.Scenario.Name).Order());
    }
}
