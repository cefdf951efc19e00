using FsCheck.Xunit;
using Iopf.Invariants.Smt;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Queues;

namespace Iopf.Invariants.Tests;

/// <summary>
/// The SMT twins of the ring checks and of PinnedRegion.Problem() agree with the C# code on random states,
/// so the proofs about them are proofs about RingQueue and PinnedRegion.
/// </summary>
public sealed class RingAndRegionDifferentialProperties(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private bool Z3(string definitions, string term) =>
        ModelParser.ParseValue(fixture.Session.Run(definitions + $"(simplify {term})\n")) == UInt128.One;

    [Property(MaxTest = 60)]
    public bool Ring_full_and_empty_match_RingQueue(byte exponent, uint head, ushort liveRaw, bool offByOne)
    {
        var capacity = 1 << (1 + (exponent % 16));

        // Near the 2^32 wrap half of the time, so the counters cross it while filling.
        var start = (liveRaw & 1) == 0 ? head : uint.MaxValue - (head % (uint)capacity);
        var live = liveRaw % (capacity + 1);
        var replay = RingReplay.Run(capacity, start, live, offByOne);
        var definitions = new RingIndexArithmetic(capacity, offByOne ? RingFlaw.FullCheckOffByOne : RingFlaw.None).Definitions();
        var (h, t) = (SmtLiteral.Bv(start, 32), SmtLiteral.Bv(unchecked(start + (uint)live), 32));
        return Z3(definitions, $"(is_full {h} {t})") == replay.IsFull
            && Z3(definitions, $"(is_empty {h} {t})") == replay.IsEmpty
            && (replay.ExtraPush == PushResult.Accepted) == !replay.IsFull;
    }

    [Property(MaxTest = 100)]
    public bool Region_rule_matches_PinnedRegion_Problem(ulong rawBase, byte sizeLog2, short count, byte shape)
    {
        // Mostly plausible regions (aligned or off by a little, power-of-two sizes), sometimes raw values.
        var size = (shape % 5) switch
        {
            0 => (ulong)(ushort)rawBase,
            _ => 1UL << (sizeLog2 % 64),
        };
        var baseAddress = (shape % 3) switch
        {
            0 => rawBase,
            1 => size == 0 ? rawBase : (rawBase % (1UL << 40)) / size * size,
            _ => ((rawBase % (1UL << 40)) & ~0xFFFUL) + (ulong)(shape % 7),
        };
        var buffers = (shape & 8) == 0 ? count : 250 + (count % 10);
        var region = new PinnedRegion(baseAddress, size, buffers);
        var smt = PinnedRegionRule.SmtDefinition();
        var term = $"({PinnedRegionRule.SmtName} {SmtLiteral.Bv(baseAddress, 64)} {SmtLiteral.Bv(size, 64)} {SmtLiteral.Bv(unchecked((uint)buffers), 32)})";
        return Z3(smt, term) == (region.Problem() is null);
    }
}
