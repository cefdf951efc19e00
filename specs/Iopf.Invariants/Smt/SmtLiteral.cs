using System.Globalization;
using System.Numerics;

namespace Iopf.Invariants.Smt;

/// <summary>Formats C# values as SMT-LIB2 terms, so generated text never depends on the current culture.</summary>
public static class SmtLiteral
{
    public static string Bv(UInt128 value, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"(_ bv{value} {width})");

    public static string Bv(BigInteger value, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"(_ bv{value} {width})");

    public static string BitVecSort(int width) => string.Create(CultureInfo.InvariantCulture, $"(_ BitVec {width})");

    public static string Hex(UInt128 value) => string.Create(CultureInfo.InvariantCulture, $"0x{value:x}");

    /// <summary>Hex of a non-negative BigInteger without the sign digit BigInteger's "x" format adds.</summary>
    public static string Hex(BigInteger value) => value <= UInt128.MaxValue
        ? Hex((UInt128)value)
        : string.Create(CultureInfo.InvariantCulture, $"0x{value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0')}");
}
