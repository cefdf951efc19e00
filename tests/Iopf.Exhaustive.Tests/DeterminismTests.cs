namespace Iopf.Exhaustive.Tests;

public class DeterminismTests
{
    [Fact]
    public void Two_runs_give_the_same_figures_and_the_same_counterexample_text()
    {
        var config = TestWorlds.Config("LateDmaToFaultedPage", "TrustCompletionFrame");
        var first = ExhaustiveExplorer.Explore(config);
        var second = ExhaustiveExplorer.Explore(config);

        Assert.Equal((first.States, first.Transitions, first.MaxDepth), (second.States, second.Transitions, second.MaxDepth));
        Assert.NotNull(first.Violation);
        Assert.Equal(CounterexampleRenderer.Text(first.Violation), CounterexampleRenderer.Text(second.Violation!));
    }

    [Fact]
    public void Two_clean_runs_explore_the_same_state_space()
    {
        var first = ExhaustiveExplorer.Explore(TestWorlds.Config("TwoVmsUnderPressure"));
        var second = ExhaustiveExplorer.Explore(TestWorlds.Config("TwoVmsUnderPressure"));
        Assert.Equal(
            (first.States, first.Transitions, first.MaxDepth, first.QuiescentStates),
            (second.States, second.Transitions, second.MaxDepth, second.QuiescentStates));
    }
}
