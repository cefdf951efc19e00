using System.Diagnostics;
using Iopf.Exhaustive;
using Iopf.Invariants;
using Iopf.Worlds;
using Spectre.Console;

namespace Iopf.Harness.Running;

/// <summary>What `iopf verify` established about one world: its exhaustive exploration (when small) and its sampling.</summary>
public sealed record WorldVerdict(WorldDefinition World, ExhaustiveResult? Exhaustive, string ExhaustiveWords, bool ExhaustiveOk, WorldResult Sampled);

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

    public static (ExhaustiveResult? Result, string Words, bool Ok) Explore(WorldDefinition world, ExhaustiveOptions options, IAnsiConsole console)
    {
        if (!world.IsSmall)
        {
            return (null, world.Exhaustive?.States is { } large ? $"not small ({large:N0} states): sampled only" : "not small: sampled only", true);
        }

        console.WriteLine($"verify: every interleaving of {world.Name}");
        var result = ExhaustiveExplorer.Explore(world.Config, options);
        if (result.Violation is { } v)
        {
            return (result, $"violated: {v.Property} in {v.Length} steps (shortest path: `iopf exhaustive --world {world.Name}`)", false);
        }

        if (!result.Complete)
        {
            return (result, $"NOT complete: {result.Coverage}", false);
        }

        var pinned = world.Exhaustive!.States;
        if (world.Mutants.Count == 0 && pinned is { } expected && expected != result.States)
        {
            return (result, $"all interleavings explored ({result.States:N0} states), but the world pins {expected:N0}: the model changed", false);
        }

        return result.CompletionUnreachableStates is 0
            ? (result, $"all interleavings explored ({result.States:N0} states)", true)
            : (result, $"all interleavings explored, but completion is unreachable from {result.CompletionUnreachableStates:N0} states", false);
    }
}
