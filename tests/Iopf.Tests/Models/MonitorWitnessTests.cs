using Iopf.Worlds.Sampling;
using Iopf.Models.Exploration;
using Iopf.Models.Mutants;
using Iopf.Specs.Properties;
using Iopf.Worlds.Mutants;

namespace Iopf.Tests.Models;

/// <summary>
/// Each monitor can fail: its witness mutant (marked in the mutant table), switched on by configuration, is
/// caught by that monitor and by no other, its recorded schedule replays to the same violation, and the same
/// world without the mutant holds for every property.
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
        var witness = Mutant.WitnessFor(property);
        var outcome = Explorer.Explore(witness.Broken(), Budget);
        Assert.False(outcome.Holds, $"{witness.Name} on {witness.World} was not caught in {Budget.Iterations} schedules");
        Assert.Equal(property, outcome.ViolatedProperty);
        Assert.NotNull(outcome.ReproducibleTrace);

        var replay = Explorer.Replay(witness.Broken(), Budget, outcome.ReproducibleTrace);
        Assert.Equal(property, replay.ViolatedProperty);
        Assert.Equal(outcome.Verdict, replay.Verdict);

        // No other monitor objects to the same schedule: replayed with every monitor but this one, it holds.
        var others = PropertySet.Names.Where(p => p != property).ToList();
        var withoutThisMonitor = Explorer.Replay(witness.Broken(), Budget, outcome.ReproducibleTrace, properties: others);
        Assert.True(withoutThisMonitor.Holds, $"{witness.Name}'s schedule also violates {withoutThisMonitor.ViolatedProperty}: {withoutThisMonitor.Verdict}");
    }

    [Theory]
    [MemberData(nameof(Monitors))]
    public void The_witness_world_without_the_mutant_holds_for_every_property(string property)
    {
        var witness = Mutant.WitnessFor(property);
        var broken = Explorer.Explore(witness.Broken(), Budget);

        var replayOnCorrect = Explorer.Replay(witness.World(), Budget, broken.ReproducibleTrace!);
        Assert.True(replayOnCorrect.Holds, $"{witness.Name}'s schedule on the correct {witness.World}: {replayOnCorrect.ViolatedProperty} {replayOnCorrect.Verdict}");

        var correct = Explorer.Explore(witness.World(), Budget);
        Assert.True(correct.Holds, $"correct {witness.World}: {correct.ViolatedProperty} {correct.Verdict}");
        Assert.Equal(Budget.Iterations, correct.IterationsRun);
    }

    [Fact]
    public void The_same_seed_finds_the_same_schedule()
    {
        var witness = Mutant.WitnessFor("FaultBufferHeldUntilCopied");
        var first = Explorer.Explore(witness.Broken(), Budget);
        var second = Explorer.Explore(witness.Broken(), Budget);
        Assert.Equal(first.IterationsRun, second.IterationsRun);
        Assert.Equal(first.ReproducibleTrace, second.ReproducibleTrace);
    }
}
