using Iopf.Protocol.Memory;

namespace Iopf.Tests.Protocol;

public class FaultBufferPoolTests
{
    [Fact]
    public void Never_hands_out_a_held_buffer_and_reuses_the_lowest_free_one()
    {
        var pool = new FaultBufferPool(new PinnedRegion(0x1000, 0x1000, 3));
        Assert.Equal(0, pool.Allocate());
        Assert.Equal(1, pool.Allocate());
        Assert.Equal(2, pool.Allocate());
        Assert.Null(pool.Allocate());
        Assert.True(pool.Free(1));
        Assert.Equal(1, pool.Allocate());
        Assert.Equal(3, pool.InUse);
    }

    [Fact]
    public void A_double_free_is_reported_not_ignored()
    {
        var pool = new FaultBufferPool(new PinnedRegion(0x1000, 0x1000, 1));
        var b = pool.Allocate()!.Value;
        Assert.True(pool.Free(b));
        Assert.False(pool.Free(b));
    }

    [Fact]
    public void Buffers_tile_the_pinned_region()
    {
        var region = new PinnedRegion(0x10_0000, 4096, 4);
        Assert.Equal(0x10_0000UL, region.AddressOf(0));
        Assert.Equal(0x10_3000UL, region.AddressOf(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => region.AddressOf(4));
    }

    [Theory]
    [InlineData(0x1000UL, 3000UL, 2, "power of two")]
    [InlineData(0x1800UL, 0x1000UL, 2, "not aligned")]
    [InlineData(0x1000UL, 0x1000UL, 0, "count")]
    [InlineData(0xF_FFFF_FFFF_F000UL, 0x1000UL, 2, "52-bit")]
    public void Invalid_regions_are_refused_with_the_reason(ulong baseAddress, ulong size, int count, string reason)
    {
        var problem = new PinnedRegion(baseAddress, size, count).Problem();
        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
        Assert.Throws<ArgumentException>(() => new FaultBufferPool(new PinnedRegion(baseAddress, size, count)));
    }
}
