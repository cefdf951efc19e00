using System.Numerics;

namespace Iopf.Protocol.Descriptors;

/// <summary>What a field's bits are for, which decides what encode writes there and what a strict decoder accepts.</summary>
public enum FieldKind
{
    /// <summary>A number the writer chooses (an address, an index, an identifier).</summary>
    Value,

    /// <summary>One bit the writer chooses.</summary>
    Flag,

    /// <summary>Must be written as zero; strict hardware rejects a descriptor with one set, lenient hardware ignores it.</summary>
    Reserved,

    /// <summary>Always holds <see cref="BitField.Constant"/> (an opcode or a descriptor type).</summary>
    Constant,
}

/// <summary>
/// Bits [Low, High] of an identity (a PASID, a PRG index, a requester id) that a field holds in its own low
/// High - Low + 1 bits: AMD-Vi splits a PASID over two fields, and its 10-bit tag carries a 9-bit PRG index.
/// </summary>
public sealed record CarriedBits(string Identity, int Low, int High)
{
    public int Width => High - Low + 1;

    public override string ToString() => $"{Identity}[{Low}:{High}]";
}

/// <summary>One named field of a descriptor: bits [Offset, Offset + Width) of the descriptor word.</summary>
public sealed record BitField(string Name, int Offset, int Width)
{
    public FieldKind Kind { get; init; } = FieldKind.Value;

    /// <summary>The value a <see cref="FieldKind.Constant"/> field always holds.</summary>
    public UInt128 Constant { get; init; }

    /// <summary>
    /// The largest value the software must be able to store in the field (e.g. a 20-bit PASID's 0xFFFFF), when
    /// the format's source states one; a proof checks it fits the width.
    /// </summary>
    public UInt128? Holds { get; init; }

    /// <summary>
    /// Which bits of which identity the field carries across a request and its response (e.g. all of "pasid",
    /// or bits 16..19 of it), so a pairing can be proved to carry it back; null for a field that identifies nothing.
    /// </summary>
    public CarriedBits? Carries { get; init; }

    /// <summary>Largest value the field can hold.</summary>
    public UInt128 MaxValue => Mask<UInt128>();

    /// <summary>Index of the highest bit the field occupies.</summary>
    public int HighBit => Offset + Width - 1;

    /// <summary>Whether the writer chooses the field's value (a value or a flag), rather than the format.</summary>
    public bool IsChosen => Kind is FieldKind.Value or FieldKind.Flag;

    public bool Fits(UInt128 value) => value <= MaxValue;

    /// <summary>The field's all-ones value in the word type TWord (written so a 128-bit field of a UInt128 does not wrap).</summary>
    public TWord Mask<TWord>()
        where TWord : IBinaryInteger<TWord>
    {
        if (Width <= 0)
        {
            return TWord.Zero;
        }

        var top = TWord.One << (Width - 1);
        return (top - TWord.One) | top;
    }

    /// <summary>The value encode writes for a field the writer does not choose: zero, or the constant.</summary>
    public UInt128 FixedValue => Kind == FieldKind.Constant ? Constant : UInt128.Zero;
}
