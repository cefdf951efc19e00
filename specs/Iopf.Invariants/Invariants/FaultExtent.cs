using Iopf.Protocol.Configuration;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// The validity rule for the guest range a fault names (GPA + length), written once in C# with its SMT-LIB2
/// twin right beside it: at least one byte, not crossing a page boundary, inside the VM's pages. It is the
/// rule for a fault the VMM backs; <see cref="ModelConfig.Problems"/> applies it with one page more, the page
/// a world may aim a stray DMA at (tests check the C#, the SMT and the configuration agree).
/// </summary>
public static class FaultExtent
{
    public const ulong PageSize = ModelConfig.PageSize;

    public const string SmtName = "fault_extent_well_formed";

    public static bool IsWellFormed(ulong gpa, int length, int pagesPerVm) => IsWellFormed(gpa, length, pagesPerVm, PageSize);

    /// <param name="inPageLimit">What offset + length may reach: <see cref="PageSize"/>; a broken twin passes another bound.</param>
    public static bool IsWellFormed(ulong gpa, int length, int pagesPerVm, ulong inPageLimit) =>
        length >= 1
        && (gpa % PageSize) + (ulong)length <= inPageLimit
        && gpa / PageSize < (ulong)pagesPerVm;

    /// <summary>
    /// The same predicate over the C# types: gpa a 64-bit ulong, length and pagesPerVm 32-bit ints. The casts
    /// (ulong)length and (ulong)pagesPerVm sign-extend in C#, hence sign_extend; the comparison length >= 1 is signed.
    /// </summary>
    public static string SmtDefinition(ulong inPageLimit) =>
        $"(define-fun {SmtName} ((gpa (_ BitVec 64)) (len (_ BitVec 32)) (pages (_ BitVec 32))) Bool\n"
        + $"  (and (bvsge len (_ bv1 32))\n"
        + $"       (bvule (bvadd (bvurem gpa {Bv(PageSize, 64)}) ((_ sign_extend 32) len)) {Bv(inPageLimit, 64)})\n"
        + $"       (bvult (bvudiv gpa {Bv(PageSize, 64)}) ((_ sign_extend 32) pages))))\n";
}
