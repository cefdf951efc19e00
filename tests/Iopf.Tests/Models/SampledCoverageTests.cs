using Iopf.Models.Exploration;
using Iopf.Protocol.Coverage;
using Iopf.Worlds;
using Iopf.Worlds.Sampling;

namespace Iopf.Tests.Models;

/// <summary>Coyote sampling feeds the same coverage points as the exhaustive explorer, from the same steps of the core.</summary>
[Collection(CoyoteCollection.Name)]
public class SampledCoverageTests
{
    private static readonly ExplorationBudget Budget = new(Iterations: 20, Seed: 1);

    /// <summary>SingleFault has one round trip, so any schedule reaches what every interleaving does (CoverageTests pins the same list for the exhaustive explorer).</summary>
    [Fact]
    public void Sampling_a_single_fault_reaches_the_steps_of_its_one_round_trip()
    {
        var sampled = Explorer.Explore(WorldCatalog.Find("SingleFault")!, Budget).Reached;

        Assert.Equal(
            ["CompletionDoorbell", "CopyDone", "CopyPayload", "FaultInterrupt", "FinishFaultReport", "IssueNextDma", "MapDone", "MapPage", "PageReady", "ResolveFault", "TranslationRequest", "TranslationResponse"],
            sampled.Where(p => p.Kind == CoverageKind.Step).Select(p => p.Name));
        Assert.Equal(16, sampled.Count(p => p.Kind == CoverageKind.Decision));
    }

    [Fact]
    public void The_same_seed_gives_the_same_coverage_and_a_split_world_reaches_its_own_steps()
    {
        var world = WorldCatalog.Find("IndexPassesSlot")!;
        var first = Explorer.Explore(world, Budget).Reached;
        var second = Explorer.Explore(world, Budget).Reached;

        Assert.Equal(first, second);
        Assert.Contains(new CoveragePoint(CoverageKind.Step, "RingSlotWrite"), first);
        Assert.Contains(new CoveragePoint(CoverageKind.Decision, "PublishedSlotCheck"), first);
    }
}
