using Iopf.Protocol.Descriptors;

namespace Iopf.Tests.Protocol;

public class DescriptorTests
{
    [Fact]
    public void Fault_descriptor_fields_land_on_their_documented_bits()
    {
        var d = new FaultDescriptor(true, true, false, 0x5, 0x105, 0xBEEF, 3, 64, 0x1234_5000);
        var word = d.Encode();
        Assert.Equal((UInt128)1, word & 1);
        Assert.Equal((UInt128)0x5, (word >> 4) & 0xFF);
        Assert.Equal((UInt128)0x105, (word >> 12) & 0xFFFFF);
        Assert.Equal((UInt128)0xBEEF, (word >> 32) & 0xFFFF);
        Assert.Equal((UInt128)3, (word >> 48) & 0xFF);
        Assert.Equal((UInt128)64, (word >> 56) & 0x1FFF);
        Assert.Equal((UInt128)0x1234_5000, word >> 76);
        Assert.Equal(d, FaultDescriptor.Decode(word));
    }

    [Fact]
    public void A_value_wider_than_its_field_is_an_error_not_a_truncation()
    {
        var d = new BufferLocationDescriptor(true, 256, 0, 64, 0x1000);
        var e = Assert.Throws<DescriptorFieldOverflowException>(() => d.Encode());
        Assert.Equal("BufferIndex", e.Field.Name);
    }

    [Fact]
    public void Completion_round_trips_with_every_field_at_its_maximum()
    {
        var d = new CompletionDescriptor(true, (CompletionStatus)7, 255, 0xFFFF, 255, (1UL << 40) - 1);
        Assert.Equal(d, CompletionDescriptor.Decode(d.Encode()));
    }

    [Fact]
    public void The_declared_layouts_have_no_overlapping_or_out_of_word_fields()
    {
        foreach (var layout in Layouts.All)
        {
            Assert.Empty(layout.Problems());
        }

        var broken = new DescriptorLayout("Broken", 16, new BitField("A", 0, 8), new BitField("B", 4, 8), new BitField("C", 12, 8));
        Assert.Equal(2, broken.Problems().Count);
    }
}
