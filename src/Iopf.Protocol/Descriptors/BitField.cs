namespace Iopf.Protocol.Descriptors;

/// <summary>One named field of a descriptor: bits [Offset, Offset + Width) of the descriptor word.</summary>
public sealed record BitField(string Name, int Offset, int Width)
{
    /// <summary>Largest value the field can hold.</summary>
    public UInt128 MaxValue => Width == 128 ? UInt128.MaxValue : (UInt128.One << Width) - 1;

    /// <summary>Index of the highest bit the field occupies.</summary>
    public int HighBit => Offset + Width - 1;

    public bool Fits(UInt128 value) => value <= MaxValue;
}
