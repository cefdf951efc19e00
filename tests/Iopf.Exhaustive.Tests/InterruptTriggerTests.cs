using Iopf.Protocol.Configuration;

namespace Iopf.Exhaustive.Tests;

/// <summary>
/// The interrupt line decides whether stopping early is a bug: on EdgeInterruptBurst the two drain mutants strand
/// a fault (MutantTests pins that), while the same world with a level line, which interrupts a driver that goes
/// idle with entries left, holds for every interleaving with either of them.
/// </summary>
public class InterruptTriggerTests
{
    [Theory]
    [InlineData(null, 626)]
    [InlineData("IdleWithoutRereadingProducer", 988)]
    [InlineData("OneFaultPerInterrupt", 831)]
    public void A_level_line_forgives_a_driver_that_goes_idle_early(string? mutant, int states)
    {
        var edge = mutant is null ? TestWorlds.Config("EdgeInterruptBurst") : TestWorlds.Config("EdgeInterruptBurst", mutant);
        var result = ExhaustiveExplorer.Explore(edge with { Interrupts = InterruptTrigger.Level });

        Assert.Null(result.Violation);
        Assert.True(result.Complete);
        Assert.Equal(states, result.States);
    }

    [Fact]
    public void The_correct_driver_holds_on_the_edge_line()
    {
        var result = ExhaustiveExplorer.Explore(TestWorlds.Config("EdgeInterruptBurst"));

        Assert.Null(result.Violation);
        Assert.Equal(595, result.States);
        Assert.Equal(InterruptTrigger.Edge, TestWorlds.Config("EdgeInterruptBurst").Interrupts);
    }
}
