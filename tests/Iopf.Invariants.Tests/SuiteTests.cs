using Xunit.Abstractions;

namespace Iopf.Invariants.Tests;

/// <summary>Every invariant is proved (its negation is unsat) and every broken twin is refuted with a counterexample.</summary>
public sealed class SuiteTests(ITestOutputHelper output)
{
    public static TheoryData<string> InvariantNames => [.. InvariantSuite.Invariants.Select(i => i.Name)];

    public static TheoryData<string> TwinNames => [.. InvariantSuite.BrokenTwins.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(InvariantNames))]
    public void Invariant_is_proved(string name)
    {
        var result = InvariantSuite.Check(InvariantSuite.Find(name));
        output.WriteLine($"{name}: {result.Outcome} in {result.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(Expectation.Proved, result.Expected);
        Assert.True(result.Outcome == InvariantOutcome.Proved, $"{name}: {result.Outcome} {result.Error} {result.Counterexample}");
        Assert.Null(result.Counterexample);
    }

    [Theory]
    [MemberData(nameof(TwinNames))]
    public void Broken_twin_is_refuted_with_a_counterexample(string name)
    {
        var result = InvariantSuite.Check(InvariantSuite.Find(name));
        output.WriteLine($"{name}: {result.Outcome}: {result.Counterexample}");
        Assert.Equal(Expectation.Refuted, result.Expected);
        Assert.Equal(InvariantOutcome.Refuted, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Counterexample));
        Assert.True(result.AsExpected);
    }

    [Fact]
    public void Suite_covers_every_family_and_every_ring_capacity()
    {
        var families = new[] { typeof(LayoutRoundTrip), typeof(LayoutFieldsDisjoint), typeof(FaultBufferPlacement), typeof(ValidRegionPlacement), typeof(FaultExtentWithinPage), typeof(RingIndexArithmetic) };
        foreach (var family in families)
        {
            Assert.Contains(InvariantSuite.Invariants, i => i.GetType() == family);
            Assert.Contains(InvariantSuite.BrokenTwins, i => i.GetType() == family);
        }

        var capacities = InvariantSuite.Invariants.OfType<RingIndexArithmetic>().Select(r => r.Capacity).Order();
        Assert.Equal(Enumerable.Range(1, 16).Select(k => 1 << k), capacities);
        Assert.All(Protocol.Descriptors.Layouts.All, l => Assert.Contains(InvariantSuite.Invariants, i => i is LayoutRoundTrip r && r.Layout == l));
    }

    [Fact]
    public void CheckAll_reports_every_invariant_in_order_as_expected()
    {
        var results = InvariantSuite.CheckAll();
        foreach (var r in results)
        {
            // Timing is for the reader of the log only; no assertion depends on it.
            output.WriteLine($"{r.Name}: {r.Outcome} in {r.Elapsed.TotalMilliseconds:F1} ms");
        }

        Assert.Equal(InvariantSuite.All.Select(i => i.Name), results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.AsExpected, $"{r.Name}: expected {r.Expected}, got {r.Outcome} {r.Error}"));
    }
}
