using Xunit.Abstractions;

namespace Iopf.Invariants.Tests;

public sealed class SuiteTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_invariant_is_proved_and_every_twin_refuted()
    {
        var results = InvariantSuite.CheckAll();
        foreach (var r in results)
        {
            output.WriteLine($"{r.Name}: {r.Outcome} in {r.Elapsed.TotalMilliseconds:F1} ms {r.Counterexample} {r.Error}");
        }

        Assert.All(results, r => Assert.True(r.AsExpected, $"{r.Name}: expected {r.Expected}, got {r.Outcome} {r.Error}"));
    }
}
