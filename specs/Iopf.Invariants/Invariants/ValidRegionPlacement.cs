using System.Globalization;
using System.Text;
using Iopf.Protocol.Memory;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// <see cref="PinnedRegion.Problem"/> is a sufficient check: for one buffer size and EVERY base and buffer count
/// it accepts, the buffers are placed correctly (the clauses of <see cref="FaultBufferPlacement"/>). The buffer
/// size is fixed per query because a symbolic 64-bit size makes the multiplications nonlinear (minutes in Z3).
/// </summary>
public sealed class ValidRegionPlacement(ulong bufferSize, bool ruleChecksAlignment = true)
    : Invariant(ruleChecksAlignment ? Expectation.Proved : Expectation.Refuted)
{
    public const string Base = "base";
    public const string Count = "buffer_count";

    public ulong BufferSize { get; } = bufferSize;

    public bool RuleChecksAlignment { get; } = ruleChecksAlignment;

    public override string Name => RuleChecksAlignment
        ? $"fault-buffer-placement-any-valid-region-size-{BufferSize}"
        : $"broken-fault-buffer-placement-rule-without-alignment-size-{BufferSize}";

    public override string Statement =>
        $"for every base and buffer count that the pinned-region rule{(RuleChecksAlignment ? string.Empty : " WITHOUT its alignment check")} accepts with {BufferSize}-byte buffers, every fault buffer lies inside the region, aligned, disjoint from the others, with address and index fitting their fields";

    /// <summary>The counterexample's region as the C# record (the test asks the real Problem() about it).</summary>
    public PinnedRegion Region(IReadOnlyDictionary<string, UInt128> model) =>
        new((ulong)Value(model, Base), BufferSize, unchecked((int)(uint)Value(model, Count)));

    public IReadOnlyList<string> Violations(IReadOnlyDictionary<string, UInt128> model) => TrueLabels(model, PlacementClauses.Names);

    public override string DescribeCounterexample(IReadOnlyDictionary<string, UInt128> model)
    {
        var region = Region(model);
        var i = (int)(ulong)Value(model, PlacementClauses.IndexI);
        var address = region.AddressOf(i);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"pinned region base 0x{region.Base:x}, {region.BufferCount} buffers of {BufferSize} bytes is accepted by the rule, but C# PinnedRegion.AddressOf({i}) = 0x{address:x} violates {string.Join(", ", Violations(model))} (C# PinnedRegion.Problem(): {region.Problem() ?? "none"})");
    }

    protected override string NegationSmt()
    {
        var text = new StringBuilder("(set-logic QF_BV)\n");
        text.Append(PinnedRegionRule.SmtDefinition(RuleChecksAlignment));
        text.Append($"(declare-const {Base} (_ BitVec 64))\n(declare-const {Count} (_ BitVec 32))\n");
        text.Append($"(define-fun size () (_ BitVec 64) {Bv(BufferSize, 64)})\n");
        text.Append("(define-fun stride () (_ BitVec 64) size)\n");
        text.Append($"(define-fun count () (_ BitVec 64) ((_ sign_extend 32) {Count}))\n");
        text.Append($"(assert ({PinnedRegionRule.SmtName} {Base} size {Count}))\n");
        return text + PlacementClauses.DefineAndCheck();
    }
}
