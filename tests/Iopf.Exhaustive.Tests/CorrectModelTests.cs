using Xunit.Abstractions;

namespace Iopf.Exhaustive.Tests;

/// <summary>The correct protocol, every interleaving of every small-scope configuration: no violation at all.</summary>
public class CorrectModelTests(ITestOutputHelper output)
{
    /// <summary>
    /// Regression pins, not truths: the exact size of each state space. A change of the protocol, of a
    /// configuration or of the state encoding that changes them must be looked at (and the pin updated on purpose).
    /// </summary>
    public static TheoryData<string, int, long, int, int> Pins() => new()
    {
        // config,                  states,  transitions, max depth, quiescent
        { "TwoVmsSharedBuffers", 76_530, 210_213, 52, 31 },
        { "SamePageUnderPressure", 44_879, 119_483, 54, 27 },
        { "TwoVmsUnderPressure", 29_765, 76_869, 48, 10 },
        { "RingsAtWrap", 32_055, 81_198, 66, 28 },
        { "LateDmaToFaultedPage", 24_225, 55_562, 68, 33 },

        // The smaller of the larger configurations: three VMs, 0.4M states, about a second here.
        { "ThreeVmsSharedBuffers", 407_053, 1_227_551, 60, 36 },
    };

    [Theory]
    [MemberData(nameof(Pins))]
    public void Every_interleaving_of_a_small_configuration_is_clean(string name, int states, long transitions, int depth, int quiescent)
    {
        var config = SmallScope.Find(name) ?? throw new ArgumentException(name);
        var result = ExhaustiveExplorer.Explore(config.Config);

        // The throughput figure for the record (one core, this machine); nothing is asserted about time.
        output.WriteLine($"{name}: {result.Summary}");
        Assert.True(result.Violation is null, result.Violation is { } v ? CounterexampleRenderer.Text(v) : null);
        Assert.Equal("all interleavings explored", result.Coverage);
        Assert.True(result.Complete);
        Assert.False(result.BoundReached);
        Assert.Equal(0, result.CompletionUnreachableStates);
        Assert.Equal(states, result.States);
        Assert.Equal(transitions, result.Transitions);
        Assert.Equal(depth, result.MaxDepth);
        Assert.Equal(quiescent, result.QuiescentStates);
    }

    /// <summary>
    /// Reusing step outcomes changes how fast the search goes, never what it finds: the same states and
    /// transitions as a search that runs every step on a full copy of the world. And it does reuse: far
    /// fewer protocol steps run than there are transitions.
    /// </summary>
    [Theory]
    [InlineData("TwoVmsUnderPressure")]
    [InlineData("LateDmaToFaultedPage")]
    public void Reusing_steps_explores_exactly_what_a_search_without_reuse_explores(string name)
    {
        var config = SmallScope.Find(name)!.Config;
        var fast = ExhaustiveExplorer.Explore(config);
        var reference = ReferenceSearch.Explore(config);
        Assert.Equal(reference, (fast.States, fast.Transitions, fast.QuiescentStates));
        Assert.InRange(fast.StepsExecuted, 1, fast.Transitions / 4);
    }

    [Fact]
    public void Every_small_configuration_is_pinned_and_valid()
    {
        var pinned = Pins().Select(row => (string)row[0]).ToHashSet();
        foreach (var config in SmallScope.All)
        {
            Assert.Empty(config.Config.Problems());
            Assert.Contains(config.Name, pinned);
        }
    }
}
