using Iopf.Protocol.Coverage;
using Iopf.Worlds;

namespace Iopf.Exhaustive.Tests;

/// <summary>
/// Coverage of an exhaustive search in the protocol's own terms: the messages parties took, the facts observed and the
/// decision points consulted, collected from the steps the core really ran.
/// </summary>
public class CoverageTests
{
    [Fact]
    public void A_single_fault_reaches_exactly_the_steps_facts_and_decisions_of_its_one_round_trip()
    {
        var reached = ExhaustiveExplorer.Explore(TestWorlds.Config("SingleFault")).Reached;

        Assert.Equal(
            ["CompletionDoorbell", "CopyDone", "CopyPayload", "FaultInterrupt", "FinishFaultReport", "IssueNextDma", "MapDone", "MapPage", "PageReady", "ResolveFault", "TranslationRequest", "TranslationResponse"],
            Names(reached, CoverageKind.Step));
        Assert.DoesNotContain("PostedWrite", Names(reached, CoverageKind.Step)); // its one DMA faults: no direct write
        Assert.Contains("QueueDrain", Names(reached, CoverageKind.Decision));
        Assert.DoesNotContain("UnbackedFault", Names(reached, CoverageKind.Decision)); // no DMA beyond guest memory
        Assert.Equal(16, Names(reached, CoverageKind.Decision).Count);
    }

    [Fact]
    public void The_same_search_gives_the_same_coverage()
    {
        var first = ExhaustiveExplorer.Explore(TestWorlds.Config("EdgeInterruptBurst")).Reached;
        var second = ExhaustiveExplorer.Explore(TestWorlds.Config("EdgeInterruptBurst")).Reached;
        Assert.Equal(first, second);
    }

    /// <summary>A decision consulted only where it matters: the Valid-bit check only where the index may pass its slot.</summary>
    [Fact]
    public void A_decision_counts_where_the_core_reads_it()
    {
        var ordered = ExhaustiveExplorer.Explore(TestWorlds.Config("SlotsPublishedInOrder")).Reached;
        var passing = ExhaustiveExplorer.Explore(TestWorlds.Config("IndexPassesSlot")).Reached;
        var atomic = ExhaustiveExplorer.Explore(TestWorlds.Config("SingleFault")).Reached;

        Assert.DoesNotContain("PublishedSlotCheck", Names(ordered, CoverageKind.Decision));
        Assert.Contains("PublishedSlotCheck", Names(passing, CoverageKind.Decision));
        Assert.Contains("ReadQueueSlot", Names(ordered, CoverageKind.Step));
        Assert.DoesNotContain("ReadQueueSlot", Names(atomic, CoverageKind.Step));
    }

    [Fact]
    public void The_small_worlds_together_reach_every_coverage_point()
    {
        var all = new CoverageTally();
        foreach (var world in WorldCatalog.BuiltIn.Where(w => w.IsSmall && w.Exhaustive?.States < 100_000))
        {
            foreach (var point in ExhaustiveExplorer.Explore(world.Config).Reached)
            {
                all.Add(point);
            }
        }

        Assert.Equal([], CoveragePoint.All.Where(p => !all.Contains(p)).Select(p => p.ToString()));
    }

    private static List<string> Names(IReadOnlyList<CoveragePoint> reached, CoverageKind kind) =>
        [.. reached.Where(p => p.Kind == kind).Select(p => p.Name)];
}
