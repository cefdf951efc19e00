using Iopf.Protocol.Memory;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// The SMT-LIB2 twin of <see cref="PinnedRegion.Problem"/> returning null (the region is accepted), over the C#
/// types: ulong Base and BufferSize, int BufferCount. A test compares it with the C# method on random regions.
/// </summary>
public static class PinnedRegionRule
{
    public const string SmtName = "pinned_region_ok";

    /// <param name="checksAlignment">False only for the broken twin that forgets the base alignment check.</param>
    public static string SmtDefinition(bool checksAlignment = true)
    {
        const string total = "(bvmul size ((_ sign_extend 32) count))";
        var alignment = checksAlignment ? "\n       (= (bvurem base size) (_ bv0 64))" : string.Empty;
        return $"(define-fun {SmtName} ((base (_ BitVec 64)) (size (_ BitVec 64)) (count (_ BitVec 32))) Bool\n"
            + "  (and (bvsge count (_ bv1 32)) (bvsle count (_ bv256 32))\n"
            + "       (not (= size (_ bv0 64))) (= (bvand size (bvsub size (_ bv1 64))) (_ bv0 64))"
            + alignment + "\n"
            + $"       (not (bvugt (bvsub (bvadd base {total}) (_ bv1 64)) {Bv(PinnedRegion.MaxAddress, 64)}))\n"
            + $"       (not (bvult (bvadd base {total}) base))))\n";
    }
}
