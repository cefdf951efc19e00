using Iopf.Models.Exploration;
using Iopf.Worlds;
using Iopf.Worlds.Plan;

namespace Iopf.Tests.Models;

/// <summary>The correct model sampled with Coyote under the repository plan's budget for every world: no property may fail.</summary>
[Collection(CoyoteCollection.Sampling)]
public class WorldSamplingTests
{
    private static readonly VerificationPlan Plan = PlanReader.Load(RepoFiles.PathOf(VerificationPlan.FileName));

    public static TheoryData<string> PlannedWorlds() => [.. Plan.Worlds.Select(w => w.Name)];

    [Theory]
    [MemberData(nameof(PlannedWorlds))]
    public void The_correct_model_holds_every_property(string name)
    {
        var world = Plan.Resolve(name);
        var budget = Plan.BudgetOf(world);
        var outcome = Explorer.Explore(world, budget);
        Assert.True(outcome.Holds, $"{name}: {outcome.Verdict}");
        Assert.Equal(budget.Iterations, outcome.IterationsRun);

        // Only a world that CI also explores completely may sample fewer than the plan's 1,000 schedules.
        Assert.True(budget.Iterations >= Plan.Defaults.Iterations || world.IsSmall, $"{name} samples {budget.Iterations} schedules but is not explored exhaustively");
    }

    [Fact]
    public void The_repository_plan_checks_every_built_in_world_with_the_built_in_budget()
    {
        Assert.Equal(WorldCatalog.BuiltIn.Select(w => w.Name), Plan.Worlds.Select(w => w.Name));
        Assert.Equal(VerificationPlan.BuiltInDefaults, Plan.Defaults);
        Assert.Equal(20_000_000, Plan.MaxStates);
    }
}
