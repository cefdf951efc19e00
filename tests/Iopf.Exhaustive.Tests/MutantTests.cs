using Iopf.Worlds.Mutants;

namespace Iopf.Exhaustive.Tests;

/// <summary>
/// Every mutant of the mutant table is caught exhaustively, on the small world its row names, by its property,
/// with the kind of violation and the shortest counterexample length its row pins.
/// </summary>
public class MutantTests
{
    public static TheoryData<string> Mutants() => [.. Mutant.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Mutants))]
    public void The_mutant_is_caught_with_a_shortest_counterexample(string name)
    {
        var mutant = Mutant.Find(name)!;
        var pin = mutant.Exhaustive;
        var config = TestWorlds.Config(pin.World, mutant);
        var result = ExhaustiveExplorer.Explore(config);

        var violation = Assert.IsType<Counterexample>(result.Violation);
        var text = CounterexampleRenderer.Text(violation);
        Assert.True(mutant.Property == violation.Property && Enum.Parse<ViolationKind>(pin.Kind) == violation.Kind, text);
        Assert.Equal(pin.Length, violation.Length);
        Assert.Equal(pin.Length, violation.Steps.Count);
        Assert.Equal(Enumerable.Range(1, pin.Length), violation.Steps.Select(s => s.Number));
        Assert.False(result.Complete);

        // Shortest: with every path of length - 1 steps explored (all of them), nothing is found.
        var shorter = ExhaustiveExplorer.Explore(config, new ExhaustiveOptions { MaxDepth = pin.Length - 1 });
        Assert.True(shorter.Violation is null, shorter.Violation is { } v ? CounterexampleRenderer.Text(v) : null);
        Assert.True(shorter.BoundReached);
        Assert.Equal($"stopped at depth bound {pin.Length - 1}", shorter.Coverage);
    }
}
