using System.Globalization;
using System.Text;
using Iopf.Protocol.Descriptors;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// A fault accepted by <see cref="FaultExtent.IsWellFormed(ulong, int, int)"/> touches one guest page only, inside the
/// VM's memory, and its GPA and length fit the FaultDescriptor's Gpa and Length fields; for all 64-bit GPAs,
/// all int lengths and every VM size of at least one page.
/// </summary>
public sealed class FaultExtentWithinPage(ulong inPageLimit = FaultExtent.PageSize, Expectation expected = Expectation.Proved)
    : Invariant(expected)
{
    public const string Gpa = "gpa";
    public const string Length = "len";
    public const string Pages = "pages";

    private static readonly string[] Clauses = ["crosses_page", "outside_vm", "gpa_exceeds_field", "length_exceeds_field"];

    public ulong InPageLimit { get; } = inPageLimit;

    public override string Name => InPageLimit == FaultExtent.PageSize ? "fault-extent-within-page" : $"broken-fault-extent-page-bound-{InPageLimit}";

    public override string Statement =>
        $"every well-formed fault (length >= 1, offset in page + length <= {InPageLimit}, page < pagesPerVm) has its first and last byte in the same guest page, below pagesPerVm * {FaultExtent.PageSize}, and its GPA and length fit the {Layouts.Fault["Gpa"].Width}-bit Gpa and {Layouts.Fault["Length"].Width}-bit Length fields";

    public (ulong Gpa, int Length, int PagesPerVm) Fault(IReadOnlyDictionary<string, UInt128> model) =>
        ((ulong)Value(model, Gpa), unchecked((int)(uint)Value(model, Length)), unchecked((int)(uint)Value(model, Pages)));

    public IReadOnlyList<string> Violations(IReadOnlyDictionary<string, UInt128> model) => TrueLabels(model, Clauses);

    public override string DescribeCounterexample(IReadOnlyDictionary<string, UInt128> model)
    {
        var (gpa, length, pages) = Fault(model);
        var last = gpa + (ulong)length - 1;
        var accepted = FaultExtent.IsWellFormed(gpa, length, pages, InPageLimit);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"fault at gpa 0x{gpa:x} length {length} in a VM of {pages} pages is accepted={accepted} by the check with bound {InPageLimit}: first byte in guest page {gpa / FaultExtent.PageSize}, last byte 0x{last:x} in guest page {last / FaultExtent.PageSize} (VM ends at 0x{(ulong)pages * FaultExtent.PageSize:x}); violates {string.Join(", ", Violations(model))}");
    }

    protected override string NegationSmt()
    {
        var text = new StringBuilder("(set-logic QF_BV)\n");
        text.Append(FaultExtent.SmtDefinition(InPageLimit));
        text.Append($"(declare-const {Gpa} (_ BitVec 64))\n(declare-const {Length} (_ BitVec 32))\n(declare-const {Pages} (_ BitVec 32))\n");
        text.Append($"(assert (bvsge {Pages} (_ bv1 32)))\n");
        text.Append($"(assert ({FaultExtent.SmtName} {Gpa} {Length} {Pages}))\n");
        text.Append($"(define-fun last () (_ BitVec 64) (bvsub (bvadd {Gpa} ((_ zero_extend 32) {Length})) (_ bv1 64)))\n");
        var page = Bv(FaultExtent.PageSize, 64);
        var gpaField = Layouts.Fault["Gpa"];
        var lengthField = Layouts.Fault["Length"];
        var labels = new SmtLabels()
            .Add(Clauses[0], $"(not (= (bvudiv {Gpa} {page}) (bvudiv last {page})))")
            .Add(Clauses[1], $"(bvuge last (bvmul ((_ zero_extend 32) {Pages}) {page}))")
            .Add(Clauses[2], $"(bvugt {Gpa} {Bv(gpaField.MaxValue, 64)})")
            .Add(Clauses[3], $"(bvugt {Length} {Bv(lengthField.MaxValue, 32)})");
        return text + labels.AssertAnyAndCheck();
    }
}
