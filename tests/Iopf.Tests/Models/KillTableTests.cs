using Iopf.Models.Exploration;
using Iopf.Models.Mutants;
using Iopf.Protocol.Configuration;
using Iopf.Worlds.Plan;

namespace Iopf.Tests.Models;

/// <summary>The bug zoo: every mutant is killed by its expected monitor within coyote.json's default budget, and its schedule replays identically.</summary>
[Collection(CoyoteCollection.Name)]
public class KillTableTests
{
    private static readonly VerificationPlan Plan = PlanReader.Load(RepoFiles.PathOf(VerificationPlan.FileName));

    [Fact]
    public void The_zoo_holds_every_mutant_once_and_at_least_twelve()
    {
        Assert.True(MutantCatalog.All.Count >= 12);
        Assert.Equal(Enum.GetValues<Mutant>().Order(), MutantCatalog.All.Select(c => c.Mutant).Order());
    }

    public static TheoryData<string> Mutants() => [.. MutantCatalog.Sampled.Select(c => c.Mutant.ToString())];

    [Fact]
    public void Only_a_documented_few_are_left_to_the_exhaustive_explorer()
    {
        Assert.True(MutantCatalog.Sampled.Count >= 12);
        Assert.All(MutantCatalog.All.Where(c => c.BeyondSampling is not null), c => Assert.False(string.IsNullOrWhiteSpace(c.BeyondSampling)));
    }

    [Theory]
    [MemberData(nameof(Mutants))]
    public void Each_mutant_is_killed_by_its_monitor_and_replays_to_the_same_step(string mutant)
    {
        var row = KillTable.Compute(Plan, [MutantCatalog.For(Enum.Parse<Mutant>(mutant))]).Single();
        Assert.True(row.Killed, $"{mutant} survived {row.Iterations} schedules of {row.Case.World.Name}");
        Assert.Equal(row.Case.ExpectedProperty, row.CaughtBy);
        Assert.True(row.ReplaysIdentically, $"{mutant}: the replayed schedule did not reproduce the same violation at the same step");
        Assert.True(row.Steps > 0);
    }
}
