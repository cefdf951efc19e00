namespace Iopf.Protocol.Descriptors;

/// <summary>
/// The bit-exact layout of one descriptor format, declared once. The C# codec below and the SMT-LIB2
/// encoding in specs/ are both derived from this declaration, so they cannot drift apart.
/// </summary>
public sealed class DescriptorLayout
{
    public DescriptorLayout(string name, int widthBits, params BitField[] fields)
    {
        if (widthBits is <= 0 or > 128)
        {
            throw new ArgumentOutOfRangeException(nameof(widthBits), $"descriptor {name}: width {widthBits} is not in 1..128");
        }

        Name = name;
        WidthBits = widthBits;
        Fields = fields;
    }

    public string Name { get; }

    /// <summary>Width of the descriptor word in bits (the ring slot size).</summary>
    public int WidthBits { get; }

    /// <summary>The fields in declaration order.</summary>
    public IReadOnlyList<BitField> Fields { get; }

    public BitField this[string name] =>
        Fields.FirstOrDefault(f => f.Name == name)
        ?? throw new KeyNotFoundException($"descriptor {Name} has no field '{name}'");

    /// <summary>
    /// Packs field values (one per field, in declaration order) into the descriptor word.
    /// A value wider than its field is an error, never a silent truncation.
    /// </summary>
    public UInt128 Encode(ReadOnlySpan<UInt128> values)
    {
        if (values.Length != Fields.Count)
        {
            throw new ArgumentException($"descriptor {Name}: {values.Length} values for {Fields.Count} fields");
        }

        UInt128 word = 0;
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            if (!field.Fits(values[i]))
            {
                throw new DescriptorFieldOverflowException(Name, field, values[i]);
            }

            word |= values[i] << field.Offset;
        }

        return word;
    }

    /// <summary>Extracts one field from a descriptor word.</summary>
    public UInt128 Get(UInt128 word, BitField field) => (word >> field.Offset) & field.MaxValue;

    /// <summary>Unpacks every field, in declaration order.</summary>
    public UInt128[] Decode(UInt128 word)
    {
        var values = new UInt128[Fields.Count];
        for (var i = 0; i < Fields.Count; i++)
        {
            values[i] = Get(word, Fields[i]);
        }

        return values;
    }

    /// <summary>Checks the declaration itself: every field inside the word, no two fields overlapping.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var f in Fields)
        {
            if (f.Width <= 0 || f.Offset < 0 || f.HighBit >= WidthBits)
            {
                problems.Add($"{Name}.{f.Name} [{f.Offset}..{f.HighBit}] lies outside the {WidthBits}-bit word");
            }
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            for (var j = i + 1; j < Fields.Count; j++)
            {
                var (a, b) = (Fields[i], Fields[j]);
                if (a.Offset <= b.HighBit && b.Offset <= a.HighBit)
                {
                    problems.Add($"{Name}.{a.Name} and {Name}.{b.Name} overlap");
                }
            }
        }

        return problems;
    }
}

/// <summary>A field value does not fit the field's width.</summary>
public sealed class DescriptorFieldOverflowException(string descriptor, BitField field, UInt128 value)
    : Exception($"descriptor {descriptor}: value {value} does not fit field {field.Name} ({field.Width} bits)")
{
    public BitField Field { get; } = field;
}
