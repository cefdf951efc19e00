using Iopf.Models.Mutants;
using Iopf.Protocol.Configuration;

namespace Iopf.Exhaustive.Tests;

/// <summary>
/// Every mutant is caught exhaustively, on the small configuration that exposes it, by the expected
/// property, with a shortest counterexample.
/// </summary>
public class MutantTests
{
    /// <summary>Mutant, configuration that exposes it, property that catches it, kind of violation, shortest path length (a pin).</summary>
    public static TheoryData<Mutant, string, string, ViolationKind, int> Cases() => new()
    {
        { Mutant.DropWhenNoFaultBuffer, "LateDmaToFaultedPage", "NoPayloadLost", ViolationKind.QuiescentWithObligation, 39 },
        { Mutant.VmmCopiesTwice, "RingsAtWrap", "NoDoubleCopy", ViolationKind.Safety, 14 },
        { Mutant.DirectWriteBypassesOrdering, "LateDmaToFaultedPage", "NoDoubleCopy", ViolationKind.Safety, 22 },
        { Mutant.DeviceNeverNotified, "LateDmaToFaultedPage", "EveryFaultCompleted", ViolationKind.QuiescentWithObligation, 33 },
        { Mutant.EvictionSkipsAtcInvalidation, "TwoVmsUnderPressure", "VmIsolation", ViolationKind.Safety, 10 },
        { Mutant.CompleteBeforeCopy, "SamePageUnderPressure", "FaultBufferSafety", ViolationKind.Safety, 16 },
        { Mutant.CompletionWrittenBeforeCopy, "SamePageUnderPressure", "FaultBufferSafety", ViolationKind.Safety, 22 },
        { Mutant.RingFullOffByOne, "RingsAtWrap", "FaultBufferSafety", ViolationKind.Safety, 12 },
        { Mutant.WrongVmInDescriptor, "TwoVmsSharedBuffers", "VmIsolation", ViolationKind.Safety, 13 },
        { Mutant.TrustCompletionFrame, "LateDmaToFaultedPage", "VmIsolation", ViolationKind.Safety, 27 },
        { Mutant.FaultBeforeLocation, "TwoVmsSharedBuffers", "FaultBufferSafety", ViolationKind.Safety, 5 },
        { Mutant.NoPinDuringResolution, "TwoVmsUnderPressure", "VmIsolation", ViolationKind.Safety, 19 },
        { Mutant.DoubleAllocationOnSamePage, "SamePageUnderPressure", "NoPayloadLost", ViolationKind.Safety, 24 },
        { Mutant.CompletionLostAtWrap, "RingsAtWrap", "EveryFaultCompleted", ViolationKind.QuiescentWithObligation, 47 },
        { Mutant.EvictionWithoutSwapOut, "SamePageUnderPressure", "NoPayloadLost", ViolationKind.Safety, 25 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_mutant_is_caught_with_a_shortest_counterexample(Mutant mutant, string configName, string property, ViolationKind kind, int length)
    {
        var config = TestWorlds.Config(configName, mutant);
        var result = ExhaustiveExplorer.Explore(config);

        var violation = Assert.IsType<Counterexample>(result.Violation);
        var text = CounterexampleRenderer.Text(violation);
        Assert.True(property == violation.Property && kind == violation.Kind, text);
        Assert.Equal(length, violation.Length);
        Assert.Equal(length, violation.Steps.Count);
        Assert.Equal(Enumerable.Range(1, length), violation.Steps.Select(s => s.Number));
        Assert.False(result.Complete);

        // Shortest: with every path of length - 1 steps explored (all of them), nothing is found.
        var shorter = ExhaustiveExplorer.Explore(config, new ExhaustiveOptions { MaxDepth = length - 1 });
        Assert.True(shorter.Violation is null, shorter.Violation is { } v ? CounterexampleRenderer.Text(v) : null);
        Assert.True(shorter.BoundReached);
        Assert.Equal($"stopped at depth bound {length - 1}", shorter.Coverage);
    }

    [Fact]
    public void Every_mutant_has_a_case()
    {
        var covered = Cases().Select(row => (Mutant)row[0]).ToList();
        Assert.Equal(Enum.GetValues<Mutant>().Order(), covered.Order());
    }

    [Fact]
    public void The_monitor_witnesses_agree_with_the_coyote_catalog()
    {
        var expected = Cases().ToDictionary(row => (Mutant)row[0], row => (string)row[2]);
        foreach (var witness in MutantCatalog.MonitorWitnesses)
        {
            Assert.Equal(witness.ExpectedProperty, expected[witness.Mutant]);
        }
    }
}
