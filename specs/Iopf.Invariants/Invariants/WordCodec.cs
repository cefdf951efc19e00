using System.Numerics;
using Iopf.Protocol.Descriptors;

namespace Iopf.Invariants;

/// <summary>
/// Replays a counterexample through the C# codec on the word type the code really uses for the layout
/// (UInt128 up to 128 bits, so a broken twin loses bits exactly as the model's rings would; BigInteger for a
/// 256-bit format), with BigInteger at the edges so every layout is described the same way.
/// </summary>
public static class WordCodec
{
    public static BigInteger Encode(DescriptorLayout layout, IReadOnlyList<UInt128> values) =>
        layout.WidthBits <= 128
            ? (BigInteger)layout.Encode([.. values])
            : layout.EncodeWord<BigInteger>([.. values.Select(v => (BigInteger)v)]);

    public static UInt128[] Decode(DescriptorLayout layout, BigInteger word) =>
        layout.WidthBits <= 128
            ? layout.Decode((UInt128)word)
            : [.. layout.DecodeWord(word).Select(v => (UInt128)v)];

    /// <summary>The bits a field occupies, placed as the codec's word type places them (a UInt128 drops bits past 127).</summary>
    public static BigInteger Mask(DescriptorLayout layout, BitField field) =>
        layout.WidthBits <= 128 ? (BigInteger)(field.MaxValue << field.Offset) : (BigInteger)field.MaxValue << field.Offset;

    /// <summary>All ones over the declared width.</summary>
    public static BigInteger WidthMask(DescriptorLayout layout) => (BigInteger.One << layout.WidthBits) - 1;
}
