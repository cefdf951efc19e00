namespace Iopf.Exhaustive.Tests;

public class SearchTests
{
    [Fact]
    public void A_state_bound_stops_the_search_and_says_so()
    {
        var result = ExhaustiveExplorer.Explore(TestWorlds.Config("TwoVmsSharedBuffers"), new ExhaustiveOptions { MaxStates = 100 });
        Assert.Equal(100, result.States);
        Assert.True(result.BoundReached);
        Assert.False(result.Complete);
        Assert.Null(result.Violation);
        Assert.Null(result.CompletionUnreachableStates);
        Assert.Equal("stopped at bound 100 states", result.Coverage);
    }

    [Fact]
    public void Reverse_reachability_finds_the_states_that_cannot_complete()
    {
        // 0 → 1 ⇄ 2 (a cycle with no way out), 0 → 3 (quiescent), 1 → 1.
        var graph = new StateGraph();
        Assert.Equal(0, graph.Add(-1, 0, 0, isQuiescent: false));
        Assert.Equal(1, graph.Add(0, 0, 0, isQuiescent: false));
        Assert.Equal(2, graph.Add(1, 0, 0, isQuiescent: false));
        Assert.Equal(3, graph.Add(0, 1, 0, isQuiescent: true));
        foreach (var (from, to) in new[] { (0, 1), (1, 2), (2, 1), (0, 3), (1, 1) })
        {
            graph.AddEdge(from, to);
        }

        Assert.Equal([true, false, false, true], graph.CanReachQuiescence());
        Assert.Equal([(0, 0), (0, 0)], graph.PathTo(2));
        Assert.Equal(2, graph.Depth(2));
    }

    [Fact]
    public void A_counterexample_reads_as_numbered_steps_with_their_observations()
    {
        var config = TestWorlds.Config("TwoVmsSharedBuffers", "FaultBeforeLocation");
        var violation = ExhaustiveExplorer.Explore(config).Violation!;
        var lines = CounterexampleRenderer.Lines(violation);

        Assert.Equal("RingsDeliverEveryDescriptorInOrder violated (Safety): ring FaultBufferQueue: the consumer expected a descriptor at index 0 and none was published there", lines[0]);
        Assert.Equal("shortest path, 5 steps:", lines[1]);
        Assert.Equal("1. Device takes IssueNextDma { }", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("5. Driver takes FaultInterrupt", StringComparison.Ordinal));
        Assert.Contains("   observed DescriptorRead { Queue = FaultBufferQueue, Index = 0, Descriptor = none }", lines);
    }

    [Fact]
    public void Guest_choices_are_branched_and_shown()
    {
        var config = TestWorlds.Config("SamePageUnderPressure", "NoPinDuringResolution");
        var violation = ExhaustiveExplorer.Explore(config).Violation!;
        Assert.Contains(violation.Steps, s => s.Party.StartsWith("Guest", StringComparison.Ordinal) && s.Choice is not null);
        Assert.Contains(CounterexampleRenderer.Lines(violation), l => l.Contains("takes GuestTick { } with choice", StringComparison.Ordinal));
    }
}
