using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// The placement clauses shared by the fault buffer invariants: given 64-bit terms base, size, stride and count
/// already defined by the caller, buffer k lies at base + k * stride (the ulong arithmetic of
/// PinnedRegion.AddressOf), and for indices i, j below count each clause names one way a buffer can be misplaced.
/// </summary>
internal static class PlacementClauses
{
    public const string IndexI = "i";
    public const string IndexJ = "j";

    public static readonly string[] Names =
        ["below_base", "beyond_region_end", "misaligned", "overlaps_other_buffer", "exceeds_52_bit_address", "index_exceeds_8_bit_field"];

    public static string DefineAndCheck()
    {
        string B(ulong v) => Bv(v, 64);
        var text =
            $"(define-fun max_address () (_ BitVec 64) {B(Protocol.Memory.PinnedRegion.MaxAddress)})\n"
            + "(define-fun addr ((k (_ BitVec 64))) (_ BitVec 64) (bvadd base (bvmul k stride)))\n"
            + "(define-fun region_end () (_ BitVec 64) (bvadd base (bvmul count size)))\n"
            + "(define-fun last_byte ((k (_ BitVec 64))) (_ BitVec 64) (bvadd (addr k) (bvsub size (_ bv1 64))))\n"
            + $"(declare-const {IndexI} (_ BitVec 64))\n(declare-const {IndexJ} (_ BitVec 64))\n"
            + $"(assert (bvult {IndexI} count))\n(assert (bvult {IndexJ} count))\n";
        var labels = new SmtLabels()
            .Add(Names[0], "(bvult (addr i) base)")
            .Add(Names[1], "(bvugt (bvadd (addr i) size) region_end)")
            .Add(Names[2], $"(not (= (bvurem (addr i) size) {B(0)}))")
            .Add(Names[3], "(and (not (= i j)) (bvult (addr i) (bvadd (addr j) size)) (bvult (addr j) (bvadd (addr i) size)))")
            // The last byte must not wrap around 2^64 and must be addressable by the 52-bit field.
            .Add(Names[4], "(or (bvugt (last_byte i) max_address) (bvult (last_byte i) (addr i)))")
            .Add(Names[5], $"(bvugt i {B(255)})");
        return text + labels.AssertAnyAndCheck();
    }
}
