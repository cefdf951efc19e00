using Iopf.Invariants.Z3Native;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Queues;

namespace Iopf.Invariants.Tests;

/// <summary>Each twin's Z3 counterexample is replayed through the real C# code, which must misbehave on exactly those values.</summary>
public sealed class BrokenTwinRecheckTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    private IReadOnlyDictionary<string, UInt128> Model(Invariant invariant)
    {
        var result = fixture.Session.Check(invariant.SmtText);
        Assert.True(result.Outcome == SmtOutcome.Sat, $"{invariant.Name}: {result.Outcome} {result.Error}");
        return result.Model;
    }

    [Fact]
    public void Overlapping_fault_layout_loses_a_field_on_the_counterexample_values()
    {
        var twin = new LayoutRoundTrip(BrokenLayouts.FaultSequenceOverlapsPasid, Expectation.Refuted);
        var values = twin.Values(Model(twin));

        var broken = BrokenLayouts.FaultSequenceOverlapsPasid;
        Assert.NotEqual(values, broken.Decode(broken.Encode(values)));

        // The same values are fine for the real layout: the fault is in the moved field, not in the values.
        Assert.Equal(values, Layouts.Fault.Decode(Layouts.Fault.Encode(values)));
    }

    [Fact]
    public void Overlapping_fault_layout_is_reported_by_z3_and_by_Problems()
    {
        var layout = BrokenLayouts.FaultSequenceOverlapsPasid;
        var twin = new LayoutFieldsDisjoint(layout, Expectation.Refuted);
        Assert.Equal(["overlap_Pasid_Sequence"], twin.Violations(Model(twin)));
        Assert.Equal([$"{layout.Name}.Pasid and {layout.Name}.Sequence overlap"], layout.Problems());
        Assert.Equal(new System.Numerics.BigInteger(0xF000_0000), WordCodec.Mask(layout, layout["Pasid"]) & WordCodec.Mask(layout, layout["Sequence"]));
    }

    [Fact]
    public void Field_beyond_the_word_loses_its_high_bits_in_CSharp()
    {
        var layout = BrokenLayouts.CompletionPageFrameBeyondWord;
        var roundTrip = new LayoutRoundTrip(layout, Expectation.Refuted);
        var values = roundTrip.Values(Model(roundTrip));
        var frame = layout.Fields.ToList().FindIndex(f => f.Name == "PageFrame");
        Assert.NotEqual(values[frame], layout.Decode(layout.Encode(values))[frame]);

        var disjoint = new LayoutFieldsDisjoint(layout, Expectation.Refuted);
        Assert.Equal(["outside_PageFrame"], disjoint.Violations(Model(disjoint)));
        Assert.Single(layout.Problems(), p => p.Contains("PageFrame [100..139] lies outside", StringComparison.Ordinal));
    }

    public static TheoryData<string> PlacementTwins => [.. InvariantSuite.BrokenTwins.OfType<FaultBufferPlacement>().Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(PlacementTwins))]
    public void Placement_counterexample_violates_the_same_clauses_in_CSharp(string name)
    {
        var twin = (FaultBufferPlacement)InvariantSuite.Find(name);
        var model = Model(twin);
        var (i, j) = ((ulong)model.GetValueOrDefault(FaultBufferPlacement.IndexI), (ulong)model.GetValueOrDefault(FaultBufferPlacement.IndexJ));
        Assert.InRange(i, 0UL, (ulong)twin.Region.BufferCount - 1);
        Assert.InRange(j, 0UL, (ulong)twin.Region.BufferCount - 1);
        Assert.Equal(PlacementViolationsInCSharp(twin, i, j), twin.Violations(model));
    }

    [Fact]
    public void Correct_stride_of_the_real_region_places_every_buffer_where_PinnedRegion_does()
    {
        var region = new Protocol.Configuration.ModelConfig().FaultBuffers;
        var invariant = new FaultBufferPlacement("check", region);
        for (var k = 0; k < region.BufferCount; k++)
        {
            Assert.Equal(region.AddressOf(k), invariant.AddressOf((ulong)k));
            Assert.Empty(PlacementViolationsInCSharp(invariant, (ulong)k, (ulong)((k + 1) % region.BufferCount)));
        }
    }

    [Fact]
    public void Rule_without_alignment_accepts_a_region_whose_CSharp_buffers_are_misaligned()
    {
        var twin = new ValidRegionPlacement(4096, ruleChecksAlignment: false);
        var model = Model(twin);
        var region = twin.Region(model);
        var i = (int)(ulong)model.GetValueOrDefault(FaultBufferPlacement.IndexI);

        // The real rule rejects this region, and the real AddressOf puts buffer i off its alignment.
        Assert.Equal($"pinned region base 0x{region.Base:x} is not aligned to the buffer size 4096", region.Problem());
        Assert.NotEqual(0UL, region.AddressOf(i) % region.BufferSize);
        Assert.Equal(["misaligned"], twin.Violations(model));
    }

    [Fact]
    public void Off_by_one_page_bound_accepts_a_fault_that_leaves_its_page_or_its_VM()
    {
        var twin = new FaultExtentWithinPage(FaultExtent.PageSize + 1, Expectation.Refuted);
        var model = Model(twin);
        var (gpa, length, pages) = twin.Fault(model);
        Assert.True(FaultExtent.IsWellFormed(gpa, length, pages, FaultExtent.PageSize + 1));
        Assert.False(FaultExtent.IsWellFormed(gpa, length, pages));
        var last = gpa + (ulong)length - 1;
        var crosses = gpa / FaultExtent.PageSize != last / FaultExtent.PageSize;
        var outside = last >= (ulong)pages * FaultExtent.PageSize;
        Assert.True(crosses || outside);
        Assert.Equal(crosses, twin.Violations(model).Contains("crosses_page"));
        Assert.Equal(outside, twin.Violations(model).Contains("outside_vm"));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(RingQueue.MaxCapacity)]
    public void Off_by_one_full_check_lets_the_CSharp_ring_overwrite_its_oldest_entry(int capacity)
    {
        var twin = new RingIndexArithmetic(capacity, RingFlaw.FullCheckOffByOne);
        var model = Model(twin);
        var replay = twin.Replay(model);

        Assert.Equal(capacity, replay.Live);
        Assert.False(replay.IsFull);
        Assert.Equal(PushResult.Accepted, replay.ExtraPush);
        Assert.Equal(capacity + 1, replay.CountAfter);
        Assert.True(replay.OverwroteLiveEntry);

        // The real full check refuses the same push from the same state and keeps the oldest entry.
        var correct = RingReplay.Run(capacity, replay.Head, replay.Live, fullCheckOffByOne: false);
        Assert.True(correct.IsFull);
        Assert.Equal(PushResult.RefusedFull, correct.ExtraPush);
        Assert.Equal(UInt128.Zero, correct.Oldest);
    }

    [Fact]
    public void Masked_counters_make_a_full_ring_look_empty()
    {
        var twin = new RingIndexArithmetic(8, RingFlaw.MaskedCounters);
        var model = Model(twin);
        var (head, tail) = twin.Counters(model);
        Assert.Equal(8u, tail - head);
        Assert.Equal(head & 7u, tail & 7u);
        Assert.Contains("empty_misreported", twin.Violations(model));
    }

    /// <summary>The clauses of <see cref="FaultBufferPlacement"/>, recomputed with C# ulong arithmetic.</summary>
    private static List<string> PlacementViolationsInCSharp(FaultBufferPlacement p, ulong i, ulong j)
    {
        var r = p.Region;
        var (ai, aj) = (p.AddressOf(i), p.AddressOf(j));
        var end = unchecked(r.Base + ((ulong)r.BufferCount * r.BufferSize));
        var last = unchecked(ai + r.BufferSize - 1);
        var violated = new List<string>();
        void Check(bool bad, string label)
        {
            if (bad)
            {
                violated.Add(label);
            }
        }

        Check(ai < r.Base, "below_base");
        Check(unchecked(ai + r.BufferSize) > end, "beyond_region_end");
        Check(ai % r.BufferSize != 0, "misaligned");
        Check(i != j && ai < unchecked(aj + r.BufferSize) && aj < unchecked(ai + r.BufferSize), "overlaps_other_buffer");
        Check(last > PinnedRegion.MaxAddress || last < ai, "exceeds_52_bit_address");
        Check(i > 255, "index_exceeds_8_bit_field");
        return violated;
    }
}
