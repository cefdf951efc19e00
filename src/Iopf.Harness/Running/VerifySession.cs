using System.Diagnostics;
using Iopf.Exhaustive;
using Iopf.Invariants;
using Iopf.Worlds;
using Spectre.Console;

namespace Iopf.Harness.Running;

/// <summary>What the exhaustive part established about one world, in the words the table prints.</summary>
/// <param name="Incomplete">A bound stopped the search before it saw every state, and it found no violation: nothing is proven.</param>
/// <param name="Reproduce">For a violation, the command that finds the same shortest path again (printed below the table, to keep it narrow).</param>
public sealed record ExhaustiveVerdict(ExhaustiveResult? Result, string Words, bool Ok, bool Incomplete = false, string? Reproduce = null);

/// <summary>The Z3 part of `iopf verify`: every descriptor invariant and broken twin.</summary>
public sealed record ProofVerdict(int Proved, int Refuted, int Unexpected, TimeSpan Elapsed)
{
    public bool Ok => Unexpected == 0;
}

/// <summary>
/// The main job: the Z3 invariants, then every small world exhaustively, then every world sampled with
/// Coyote. Each part is one of the engines the other commands run; this only runs them in order and keeps
/// what each established, in words that say exactly that.
/// </summary>
public static class VerifySession
{
    public static ProofVerdict Prove(IAnsiConsole console)
    {
        console.WriteLine("verify: Z3 descriptor invariants");
        var clock = Stopwatch.StartNew();
        var results = InvariantSuite.CheckAll();
        return new ProofVerdict(
            results.Count(r => r.Expected == Expectation.Proved && r.AsExpected),
            results.Count(r => r.Expected == Expectation.Refuted && r.AsExpected),
            results.Count(r => !r.AsExpected),
            clock.Elapsed);
    }

    public static ExhaustiveVerdict Explore(WorldDefinition world, ExhaustiveOptions options, IAnsiConsole console)
    {
        if (!world.IsSmall)
        {
            return new(null, world.Exhaustive?.States is { } large ? $"not small ({large:N0} states): sampled only" : "not small: sampled only", true);
        }

        console.WriteLine($"verify: every interleaving of {world.Name}");
        var result = ExhaustiveExplorer.Explore(world.Config, options);
        if (result.Violation is { } v)
        {
            return new(result, $"violated: {v.Property} in {v.Length} steps", false, Reproduce: ReproduceCommand(world));
        }

        if (!result.Complete)
        {
            return new(result, $"NOT complete: {result.Coverage}", false, Incomplete: true);
        }

        var pinned = world.Exhaustive!.States;
        if (world.Mutants.Count == 0 && pinned is { } expected && expected != result.States)
        {
            return new(result, $"all interleavings explored ({result.States:N0} states), but the world pins {expected:N0}: the model changed", false);
        }

        return result.CompletionUnreachableStates is 0
            ? new(result, $"all interleavings explored ({result.States:N0} states)", true)
            : new(result, $"all interleavings explored, but completion is unreachable from {result.CompletionUnreachableStates:N0} states", false);
    }

    /// <summary>The command that finds the same shortest path again: the world and the mutants switched on in it.</summary>
    private static string ReproduceCommand(WorldDefinition world) =>
        string.Join(' ', new[] { "iopf exhaustive --world", world.Name }.Concat(world.Mutants.Select(m => $"--mutant {m.Name}")));
}
