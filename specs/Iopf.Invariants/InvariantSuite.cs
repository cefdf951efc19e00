using System.Diagnostics;
using Iopf.Invariants.Z3Native;
using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Queues;

namespace Iopf.Invariants;

/// <summary>
/// Every descriptor invariant and its broken twins, and the way to check them with Z3. Used by the tests and
/// meant for the CLI's prove command: <c>foreach (var r in InvariantSuite.CheckAll()) ...</c>.
/// </summary>
public static class InvariantSuite
{
    // Declared before Invariants: static initializers run in text order.
    /// <summary>Buffer sizes for which every region accepted by PinnedRegion.Problem() is proved well placed: the smallest, the two the models use, a 2 MiB huge page.</summary>
    public static IReadOnlyList<ulong> ValidRegionBufferSizes { get; } = [1, 2048, 4096, 1UL << 21];

    /// <summary>The properties the design promises; each must be proved.</summary>
    public static IReadOnlyList<Invariant> Invariants { get; } = BuildInvariants();

    /// <summary>Deliberately broken twins, at least one per invariant family; each must be refuted.</summary>
    public static IReadOnlyList<Invariant> BrokenTwins { get; } = BuildBrokenTwins();

    /// <summary>Invariants first, then broken twins; names are unique.</summary>
    public static IReadOnlyList<Invariant> All { get; } = [.. Invariants, .. BrokenTwins];

    /// <summary>What is proved of every descriptor format, built-in or a user's layout file.</summary>
    public static IEnumerable<Invariant> ForFormat(DescriptorFormat format)
    {
        yield return new LayoutRoundTrip(format.Layout, group: format.Family);
        yield return new LayoutFieldsDisjoint(format.Layout, group: format.Family);
        yield return new ReservedBitsChecked(format);
        if (format.Layout.Fields.Any(f => f.Holds is not null))
        {
            yield return new FieldsHoldTheirRange(format);
        }
    }

    public static Invariant Find(string name) =>
        All.FirstOrDefault(i => i.Name == name) ?? throw new KeyNotFoundException($"no invariant named '{name}'");

    /// <summary>Checks one invariant in a fresh Z3 session. Throws <see cref="Z3NotFoundException"/> when libz3 is missing.</summary>
    public static InvariantResult Check(Invariant invariant)
    {
        using var session = new SmtSession();
        return Check(invariant, session);
    }

    /// <summary>Checks one invariant in the caller's session (cheaper for many checks on one thread).</summary>
    public static InvariantResult Check(Invariant invariant, SmtSession session)
    {
        var stopwatch = Stopwatch.StartNew();
        var answer = session.Check(invariant.SmtText);
        stopwatch.Stop();
        var (outcome, counterexample) = answer.Outcome switch
        {
            SmtOutcome.Unsat => (InvariantOutcome.Proved, null),
            SmtOutcome.Sat => (InvariantOutcome.Refuted, invariant.DescribeCounterexample(answer.Model)),
            SmtOutcome.Unknown => (InvariantOutcome.Unknown, (string?)null),
            _ => (InvariantOutcome.Error, null),
        };
        return new InvariantResult(invariant.Name, invariant.Statement, invariant.Expected, outcome, stopwatch.Elapsed, counterexample, answer.Error, invariant.Group);
    }

    /// <summary>Checks every invariant and twin, in the order of <see cref="All"/>, on one session.</summary>
    public static IReadOnlyList<InvariantResult> CheckAll() => CheckAll(All);

    /// <summary>Checks the given invariants in order on one session.</summary>
    public static IReadOnlyList<InvariantResult> CheckAll(IEnumerable<Invariant> invariants)
    {
        using var session = new SmtSession();
        return invariants.Select(i => Check(i, session)).ToList();
    }

    private static List<Invariant> BuildInvariants()
    {
        var list = new List<Invariant>();
        list.AddRange(FormatCatalog.BuiltIn.SelectMany(ForFormat));
        list.AddRange(FormatCatalog.Pairings.Select(p => new PairingPreservesIdentity(p)));

        list.Add(new FaultBufferPlacement("model-default", new ModelConfig().FaultBuffers));
        list.Add(new FaultBufferPlacement("256x4096", new PinnedRegion(0x8000_0000, 4096, 256)));

        // Ends exactly at 2^52: the last byte is the highest address the 52-bit BufferAddress field can carry.
        list.Add(new FaultBufferPlacement("64x2048-top-of-52-bits", new PinnedRegion(0xF_FFFF_FFFE_0000, 2048, 64)));
        foreach (var size in ValidRegionBufferSizes)
        {
            list.Add(new ValidRegionPlacement(size));
        }

        list.Add(new FaultExtentWithinPage());
        for (var capacity = RingQueue.MinCapacity; capacity <= RingQueue.MaxCapacity; capacity *= 2)
        {
            list.Add(new RingIndexArithmetic(capacity));
        }

        return list;
    }

    private static List<Invariant> BuildBrokenTwins()
    {
        var defaultRegion = new ModelConfig().FaultBuffers;
        return
        [
            new LayoutRoundTrip(BrokenLayouts.FaultSequenceOverlapsPasid, Expectation.Refuted),
            new LayoutFieldsDisjoint(BrokenLayouts.FaultSequenceOverlapsPasid, Expectation.Refuted),
            new LayoutRoundTrip(BrokenLayouts.CompletionPageFrameBeyondWord, Expectation.Refuted),
            new LayoutFieldsDisjoint(BrokenLayouts.CompletionPageFrameBeyondWord, Expectation.Refuted),
            .. BrokenFormats.Pairings.Select(p => new PairingPreservesIdentity(p, Expectation.Refuted)),
            new FieldsHoldTheirRange(BrokenFormats.AmdCompletionPasid16, Expectation.Refuted),
            new ReservedBitsChecked(BrokenFormats.SmmuRespIntoReserved, Expectation.Refuted),
            new FaultBufferPlacement("stride-size-minus-1", defaultRegion, defaultRegion.BufferSize - 1, Expectation.Refuted),
            new FaultBufferPlacement("unaligned-base", defaultRegion with { Base = defaultRegion.Base + 0x800 }, defaultRegion.BufferSize, Expectation.Refuted),
            new FaultBufferPlacement("beyond-52-bits", new PinnedRegion(0xF_FFFF_FFFF_0000, 2048, 64), 2048, Expectation.Refuted),
            new ValidRegionPlacement(4096, ruleChecksAlignment: false),
            new FaultExtentWithinPage(FaultExtent.PageSize + 1, Expectation.Refuted),
            new RingIndexArithmetic(4, RingFlaw.FullCheckOffByOne),
            new RingIndexArithmetic(RingQueue.MaxCapacity, RingFlaw.FullCheckOffByOne),
            new RingIndexArithmetic(8, RingFlaw.MaskedCounters),
        ];
    }
}
