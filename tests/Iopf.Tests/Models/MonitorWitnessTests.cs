using Iopf.Worlds.Sampling;
using Iopf.Models.Exploration;
using Iopf.Models.Mutants;
using Iopf.Specs.Properties;

namespace Iopf.Tests.Models;

/// <summary>
/// Each monitor can fail: a broken variant of the model, switched on by configuration, is caught by that
/// monitor and by no other, and the recorded schedule replays to the same violation.
/// </summary>
[Collection(CoyoteCollection.Name)]
public class MonitorWitnessTests
{
    private static readonly ExplorationBudget Budget = new(Iterations: 1000, Seed: 7);

    public static TheoryData<string> Monitors() => [.. PropertySet.Names];

    [Theory]
    [MemberData(nameof(Monitors))]
    public void Its_witness_mutant_is_caught_by_exactly_this_monitor(string property)
    {
        var witness = MutantCatalog.ForMonitor(property);
        var outcome = Explorer.Explore(witness.Broken, Budget);
        Assert.False(outcome.Holds, $"{witness.Mutant} on {witness.World.Name} was not caught in {Budget.Iterations} schedules");
        Assert.Equal(property, outcome.ViolatedProperty);
        Assert.NotNull(outcome.ReproducibleTrace);

        var replay = Explorer.Replay(witness.Broken, Budget, outcome.ReproducibleTrace);
        Assert.Equal(property, replay.ViolatedProperty);
        Assert.Equal(outcome.Verdict, replay.Verdict);
    }

    [Fact]
    public void The_same_seed_finds_the_same_schedule()
    {
        var witness = MutantCatalog.ForMonitor("FaultBufferSafety");
        var first = Explorer.Explore(witness.Broken, Budget);
        var second = Explorer.Explore(witness.Broken, Budget);
        Assert.Equal(first.IterationsRun, second.IterationsRun);
        Assert.Equal(first.ReproducibleTrace, second.ReproducibleTrace);
    }

    [Fact]
    public void The_witness_schedule_does_not_fail_on_the_correct_model()
    {
        var witness = MutantCatalog.ForMonitor("VmIsolation");
        var broken = Explorer.Explore(witness.Broken, Budget);
        var replayOnCorrect = Explorer.Replay(witness.World, Budget, broken.ReproducibleTrace!);
        Assert.NotEqual("VmIsolation", replayOnCorrect.ViolatedProperty);
    }
}
