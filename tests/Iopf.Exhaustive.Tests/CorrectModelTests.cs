using Iopf.Worlds;
using Xunit.Abstractions;

namespace Iopf.Exhaustive.Tests;

/// <summary>The correct protocol, every interleaving of every small world: no violation at all.</summary>
public class CorrectModelTests(ITestOutputHelper output)
{
    /// <summary>Every world marked small: each is explored completely on every CI run.</summary>
    public static TheoryData<string> SmallWorlds() => [.. WorldCatalog.BuiltIn.Where(w => w.IsSmall).Select(w => w.Name)];

    /// <summary>
    /// The world file's exhaustive section pins the exact size of its state space: regression pins, not
    /// truths. A change of the protocol, of the world or of the state encoding that changes them must be
    /// looked at, and the pin in the world file updated on purpose.
    /// </summary>
    [Theory]
    [MemberData(nameof(SmallWorlds))]
    public void Every_interleaving_of_a_small_world_is_clean_and_as_large_as_pinned(string name)
    {
        var world = WorldCatalog.Find(name)!;
        var expected = world.Exhaustive!;
        var result = ExhaustiveExplorer.Explore(world.Config);

        // The throughput figure for the record (one core, this machine); nothing is asserted about time.
        output.WriteLine($"{name}: {result.Summary}");
        Assert.True(result.Violation is null, result.Violation is { } v ? CounterexampleRenderer.Text(v) : null);
        Assert.Equal("all interleavings explored", result.Coverage);
        Assert.True(result.Complete);
        Assert.False(result.BoundReached);
        Assert.Equal(0, result.CompletionUnreachableStates);
        Assert.Equal(expected.States, result.States);
        Assert.Equal(expected.Transitions, result.Transitions);
        Assert.Equal(expected.Depth, result.MaxDepth);
    }

    [Fact]
    public void Every_small_world_pins_its_state_space()
    {
        var small = WorldCatalog.BuiltIn.Where(w => w.IsSmall).ToList();
        Assert.NotEmpty(small);
        Assert.All(small, w => Assert.True(w.Exhaustive is { States: not null, Transitions: not null, Depth: not null }, $"{w.Name} is small but pins no state space"));
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
        var config = TestWorlds.Config(name);
        var fast = ExhaustiveExplorer.Explore(config);
        var reference = ReferenceSearch.Explore(config);
        Assert.Equal(reference, (fast.States, fast.Transitions, fast.QuiescentStates));
        Assert.InRange(fast.StepsExecuted, 1, fast.Transitions / 4);
    }
}
