using System.Numerics;

namespace Iopf.Protocol.Descriptors;

/// <summary>
/// The bit-exact layout of one descriptor format, declared once. The C# codec below and the SMT-LIB2
/// encoding in specs/ are both derived from this declaration, so they cannot drift apart. The codec is written
/// once over any word type: the model's rings use UInt128 (every layout of the claimed design is 128 bits);
/// a real format up to 256 bits wide (VT-d's page request descriptor) is coded over BigInteger.
/// </summary>
public sealed class DescriptorLayout
{
    public DescriptorLayout(string name, int widthBits, params BitField[] fields)
    {
        if (widthBits is <= 0 or > MaxWidthBits)
        {
            throw new ArgumentOutOfRangeException(nameof(widthBits), $"descriptor {name}: width {widthBits} is not in 1..{MaxWidthBits}");
        }

        Name = name;
        WidthBits = widthBits;
        Fields = fields;
    }

    /// <summary>The widest descriptor any IOMMU family uses (VT-d's 256-bit queue descriptors).</summary>
    public const int MaxWidthBits = 256;

    public string Name { get; }

    /// <summary>Width of the descriptor word in bits (the ring slot size).</summary>
    public int WidthBits { get; }

    /// <summary>The fields in declaration order.</summary>
    public IReadOnlyList<BitField> Fields { get; }

    public BitField this[string name] => Fields[IndexOf(name)];

    /// <summary>Where the field of that name stands in declaration order (the order values are encoded and decoded in).</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Name == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"descriptor {Name} has no field '{name}'");
    }

    /// <summary>
    /// Packs field values (one per field, in declaration order) into the descriptor word.
    /// A value wider than its field is an error, never a silent truncation.
    /// </summary>
    public UInt128 Encode(ReadOnlySpan<UInt128> values) => EncodeWord<UInt128>(values);

    /// <summary>
    /// The codec over a word type, UInt128 or BigInteger (named apart from <see cref="Encode"/> so a collection
    /// of ulongs can never pick a 64-bit word by inference); UInt128 refuses a layout wider than 128 bits.
    /// </summary>
    public TWord EncodeWord<TWord>(ReadOnlySpan<TWord> values)
        where TWord : IBinaryInteger<TWord>
    {
        RequireWordType<TWord>();
        if (values.Length != Fields.Count)
        {
            throw new ArgumentException($"descriptor {Name}: {values.Length} values for {Fields.Count} fields");
        }

        var word = TWord.Zero;
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            if (TWord.IsNegative(values[i]) || values[i] > field.Mask<TWord>())
            {
                throw new DescriptorFieldOverflowException(Name, field, values[i].ToString() ?? string.Empty);
            }

            word |= values[i] << field.Offset;
        }

        return word;
    }

    /// <summary>Extracts one field from a descriptor word.</summary>
    public UInt128 Get(UInt128 word, BitField field) => GetWord(word, field);

    public TWord GetWord<TWord>(TWord word, BitField field)
        where TWord : IBinaryInteger<TWord> => (word >> field.Offset) & field.Mask<TWord>();

    /// <summary>Unpacks every field, in declaration order.</summary>
    public UInt128[] Decode(UInt128 word) => DecodeWord(word);

    public TWord[] DecodeWord<TWord>(TWord word)
        where TWord : IBinaryInteger<TWord>
    {
        RequireWordType<TWord>();
        var values = new TWord[Fields.Count];
        for (var i = 0; i < Fields.Count; i++)
        {
            values[i] = GetWord(word, Fields[i]);
        }

        return values;
    }

    /// <summary>
    /// What a strict decoder checks before it trusts a word: every reserved field zero, every constant field
    /// its constant, and no bit set outside the fields or beyond the width (those are reserved too).
    /// </summary>
    public bool AcceptsStrictly<TWord>(TWord word)
        where TWord : IBinaryInteger<TWord>
    {
        var used = TWord.Zero;
        foreach (var field in Fields)
        {
            if (!field.IsChosen && GetWord(word, field) != TWord.CreateTruncating(field.FixedValue))
            {
                return false;
            }

            used |= field.Mask<TWord>() << field.Offset;
        }

        return (word & ~used) == TWord.Zero;
    }

    private void RequireWordType<TWord>()
        where TWord : IBinaryInteger<TWord>
    {
        if (typeof(TWord) != typeof(UInt128) && typeof(TWord) != typeof(BigInteger))
        {
            throw new InvalidOperationException($"descriptor {Name}: code it over UInt128 or BigInteger, not {typeof(TWord).Name}");
        }

        if (WidthBits > 128 && typeof(TWord) == typeof(UInt128))
        {
            throw new InvalidOperationException($"descriptor {Name} is {WidthBits} bits wide: code it over BigInteger, not UInt128");
        }
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
public sealed class DescriptorFieldOverflowException(string descriptor, BitField field, string value)
    : Exception($"descriptor {descriptor}: value {value} does not fit field {field.Name} ({field.Width} bits)")
{
    public BitField Field { get; } = field;
}
