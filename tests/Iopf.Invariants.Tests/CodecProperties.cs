using FsCheck.Xunit;
using Iopf.Protocol.Descriptors;

namespace Iopf.Invariants.Tests;

/// <summary>The C# codec on random descriptors: typed round trips, and overflowing values rejected, never truncated.</summary>
public sealed class CodecProperties
{
    private static int Bits(ulong raw, DescriptorLayout layout, string field) => (int)(raw & (ulong)layout[field].MaxValue);

    [Property]
    public bool Fault_descriptor_round_trips(bool valid, bool write, bool ordered, ulong a, ulong b, ulong c, ulong d, ulong e, ulong f, ulong gpa)
    {
        var l = Layouts.Fault;
        var descriptor = new FaultDescriptor(
            valid, write, ordered, Bits(a, l, "FunctionId"), Bits(b, l, "Pasid"), Bits(c, l, "Sequence"),
            Bits(d, l, "BufferIndex"), Bits(e, l, "Length"), (gpa ^ f) & (ulong)l["Gpa"].MaxValue);
        return FaultDescriptor.Decode(descriptor.Encode()) == descriptor;
    }

    [Property]
    public bool Buffer_location_descriptor_round_trips(bool valid, ulong a, ulong b, ulong c, ulong address)
    {
        var l = Layouts.BufferLocation;
        var descriptor = new BufferLocationDescriptor(
            valid, Bits(a, l, "BufferIndex"), Bits(b, l, "Sequence"), Bits(c, l, "Length"), address & (ulong)l["BufferAddress"].MaxValue);
        return BufferLocationDescriptor.Decode(descriptor.Encode()) == descriptor;
    }

    [Property]
    public bool Completion_descriptor_round_trips(bool valid, ulong status, ulong a, ulong b, ulong c, ulong frame)
    {
        var l = Layouts.Completion;
        var descriptor = new CompletionDescriptor(
            valid, (CompletionStatus)Bits(status, l, "Status"), Bits(a, l, "FunctionId"), Bits(b, l, "Sequence"),
            Bits(c, l, "BufferIndex"), frame & (ulong)l["PageFrame"].MaxValue);
        return CompletionDescriptor.Decode(descriptor.Encode()) == descriptor;
    }

    [Property]
    public void A_value_wider_than_its_field_throws(byte layoutPick, byte fieldPick, ulong low, ulong high)
    {
        var layout = Layouts.All[layoutPick % Layouts.All.Count];
        var target = fieldPick % layout.Fields.Count;
        var values = new UInt128[layout.Fields.Count];
        var field = layout.Fields[target];

        // Any value above MaxValue: MaxValue + 1 plus a random non-negative excess that cannot wrap past 2^128.
        var excess = (((UInt128)high << 64) | low) >> 1;
        values[target] = field.MaxValue + 1 + (excess >> field.Width);
        var thrown = Assert.Throws<DescriptorFieldOverflowException>(() => layout.Encode(values));
        Assert.Equal(field, thrown.Field);
    }

    [Property]
    public bool Generic_codec_round_trips_every_layout(byte layoutPick, ulong seedLow, ulong seedHigh)
    {
        var layout = Layouts.All[layoutPick % Layouts.All.Count];
        var random = new Random(unchecked((int)(seedLow ^ seedHigh)));
        var values = layout.Fields.Select(f => RandomValue(random, f)).ToArray();
        return layout.Decode(layout.Encode(values)).SequenceEqual(values);
    }

    internal static UInt128 RandomValue(Random random, BitField field)
    {
        var raw = ((UInt128)(ulong)random.NextInt64() << 64) | (ulong)random.NextInt64();
        raw ^= (UInt128)(ulong)random.NextInt64() << 63;
        return raw & field.MaxValue;
    }
}
