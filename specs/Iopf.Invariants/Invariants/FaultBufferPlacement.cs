using System.Globalization;
using System.Text;
using Iopf.Protocol.Memory;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// Where the device stores faulted payloads: buffer i of a pinned region lies at Base + i * stride, computed in
/// 64-bit unsigned arithmetic as <see cref="PinnedRegion.AddressOf"/> does (stride = BufferSize in the real code;
/// a broken twin may pass another stride). For all indices below BufferCount every buffer lies inside the region,
/// is aligned, is disjoint from every other buffer, and its address fits the descriptor fields.
/// </summary>
public sealed class FaultBufferPlacement(string label, PinnedRegion region, ulong stride, Expectation expected = Expectation.Proved)
    : Invariant(expected)
{
    public const string IndexI = PlacementClauses.IndexI;
    public const string IndexJ = PlacementClauses.IndexJ;

    public FaultBufferPlacement(string label, PinnedRegion region)
        : this(label, region, region.BufferSize)
    {
    }

    public PinnedRegion Region { get; } = region;

    public ulong Stride { get; } = stride;

    public override string Name => (Expected == Expectation.Refuted ? "broken-" : string.Empty) + $"fault-buffer-placement-{label}";

    public override string Statement =>
        $"in the pinned region {Describe()}, every fault buffer i lies inside the region, is aligned to its size, overlaps no other buffer, and its address and index fit the 52-bit BufferAddress and 8-bit BufferIndex fields";

    /// <summary>Address of buffer <paramref name="index"/> with this twin's stride, in the same ulong arithmetic as the C# code.</summary>
    public ulong AddressOf(ulong index) => unchecked(Region.Base + (index * Stride));

    public IReadOnlyList<string> Violations(IReadOnlyDictionary<string, UInt128> model) => TrueLabels(model, PlacementClauses.Names);

    public override string DescribeCounterexample(IReadOnlyDictionary<string, UInt128> model)
    {
        var (i, j) = ((ulong)Value(model, IndexI), (ulong)Value(model, IndexJ));
        var (ai, aj) = (AddressOf(i), AddressOf(j));
        var text = new StringBuilder($"pinned region {Describe()}: ");
        text.Append(CultureInfo.InvariantCulture, $"buffer {i} at [0x{ai:x}, 0x{unchecked(ai + Region.BufferSize):x})");
        if (i != j)
        {
            text.Append(CultureInfo.InvariantCulture, $", buffer {j} at [0x{aj:x}, 0x{unchecked(aj + Region.BufferSize):x})");
        }

        text.Append("; violated: ").Append(string.Join(", ", Violations(model)));
        text.Append(" (C# PinnedRegion.Problem(): ").Append(Region.Problem() ?? "none").Append(')');
        return text.ToString();
    }

    protected override string NegationSmt()
    {
        string B(ulong v) => Bv(v, 64);
        var text = new StringBuilder("(set-logic QF_BV)\n");
        text.Append($"(define-fun base () (_ BitVec 64) {B(Region.Base)})\n");
        text.Append($"(define-fun size () (_ BitVec 64) {B(Region.BufferSize)})\n");
        text.Append($"(define-fun stride () (_ BitVec 64) {B(Stride)})\n");
        text.Append($"(define-fun count () (_ BitVec 64) {B((ulong)Region.BufferCount)})\n");
        return text + PlacementClauses.DefineAndCheck();
    }

    private string Describe()
    {
        var stride = Stride == Region.BufferSize ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", stride {Stride}");
        return string.Create(CultureInfo.InvariantCulture, $"base 0x{Region.Base:x}, {Region.BufferCount} buffers of {Region.BufferSize} bytes{stride}");
    }
}
