using Iopf.Protocol.Configuration;

namespace Iopf.Exhaustive.Tests;

/// <summary>
/// The IO page fault queue's two disciplines on IopfQueueOverflow: under overflow the correct model holds for every
/// interleaving (MutantTests pins the two overflow mutants' counterexamples), with an edge line too; under
/// back-pressure the queue never overflows, so both mutants are harmless and change no state.
/// </summary>
public class QueueOverflowDisciplineTests
{
    [Fact]
    public void The_correct_model_holds_under_overflow_on_either_interrupt_line()
    {
        var level = ExhaustiveExplorer.Explore(TestWorlds.Config("IopfQueueOverflow"));
        var edge = ExhaustiveExplorer.Explore(TestWorlds.Config("IopfQueueOverflow") with { Interrupts = InterruptTrigger.Edge });

        Assert.Equal(IopfQueueFull.Overflow, TestWorlds.Config("IopfQueueOverflow").IopfQueueFull);
        Assert.Null(level.Violation);
        Assert.Equal(689, level.States);
        Assert.Null(edge.Violation);
        Assert.True(edge.Complete);
        Assert.Equal(654, edge.States);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("OverflowDropsPayload")]
    [InlineData("OverflowNeverRearmed")]
    public void Under_back_pressure_the_overflow_mutants_are_harmless(string? mutant)
    {
        var config = mutant is null ? TestWorlds.Config("IopfQueueOverflow") : TestWorlds.Config("IopfQueueOverflow", mutant);
        var result = ExhaustiveExplorer.Explore(config with { IopfQueueFull = IopfQueueFull.BackPressure });

        Assert.Null(result.Violation);
        Assert.True(result.Complete);
        Assert.Equal(721, result.States);
    }
}
