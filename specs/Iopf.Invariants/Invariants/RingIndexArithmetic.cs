using System.Globalization;
using System.Text;
using Iopf.Protocol.Queues;
using static Iopf.Invariants.Smt.SmtLiteral;

namespace Iopf.Invariants;

/// <summary>
/// The index arithmetic of a <see cref="RingQueue"/> of one capacity, over free-running 32-bit head and tail
/// (so every wrap at 2^32 is included): from any state holding at most capacity entries, a push when not full
/// and a pop when not empty keep it so (inductive); full and empty report the true occupancy and are never both
/// true; and the live entries sit in pairwise distinct slots (counter &amp; (capacity - 1)).
/// </summary>
public sealed class RingIndexArithmetic : Invariant
{
    public const string Head = "head";
    public const string Tail = "tail";

    private static readonly string[] Clauses =
        ["push_overflows", "pop_underflows", "full_and_empty", "full_misreported", "empty_misreported", "live_slots_collide"];

    public RingIndexArithmetic(int capacity, RingFlaw flaw = RingFlaw.None)
        : base(flaw == RingFlaw.None ? Expectation.Proved : Expectation.Refuted)
    {
        if (!RingQueue.IsSupportedCapacity(capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), $"capacity {capacity} is not a supported ring size");
        }

        Capacity = capacity;
        Flaw = flaw;
    }

    public int Capacity { get; }

    public RingFlaw Flaw { get; }

    public override string Name => Flaw switch
    {
        RingFlaw.None => $"ring-index-arithmetic-capacity-{Capacity}",
        RingFlaw.FullCheckOffByOne => $"broken-ring-full-check-off-by-one-capacity-{Capacity}",
        _ => $"broken-ring-masked-counters-capacity-{Capacity}",
    };

    public override string Statement =>
        $"a ring of capacity {Capacity} with free-running 32-bit head/tail never holds more than {Capacity} entries after a push or pop, full and empty tell the truth and are never both true, and its live entries occupy distinct slots"
        + (Flaw == RingFlaw.None ? string.Empty : $" (flaw: {Flaw})");

    public IReadOnlyList<string> Violations(IReadOnlyDictionary<string, UInt128> model) => TrueLabels(model, Clauses);

    public (uint Head, uint Tail) Counters(IReadOnlyDictionary<string, UInt128> model) =>
        ((uint)Value(model, Head), (uint)Value(model, Tail));

    /// <summary>Replays the counterexample state on the C# RingQueue (with the off-by-one mutant when that is the flaw).</summary>
    public RingReplay Replay(IReadOnlyDictionary<string, UInt128> model)
    {
        var (head, tail) = Counters(model);
        return RingReplay.Run(Capacity, head, (int)(tail - head), Flaw == RingFlaw.FullCheckOffByOne);
    }

    public override string DescribeCounterexample(IReadOnlyDictionary<string, UInt128> model)
    {
        var (head, tail) = Counters(model);
        var text = new StringBuilder(string.Create(
            CultureInfo.InvariantCulture,
            $"capacity {Capacity}, head=0x{head:x8}, tail=0x{tail:x8} ({tail - head} live entries) violates {string.Join(", ", Violations(model))}: "));
        if (Flaw == RingFlaw.MaskedCounters)
        {
            var mask = (uint)Capacity - 1;
            text.Append(CultureInfo.InvariantCulture, $"the masked counters read head={head & mask}, tail={tail & mask}, so the ring looks {((tail & mask) == (head & mask) ? "empty" : "not full")}");
        }
        else
        {
            text.Append(Replay(model));
        }

        return text.ToString();
    }

    /// <summary>
    /// capacity, slot_mask, occupancy, slot, and the flawed or correct is_full / is_empty over (head, tail): the
    /// arithmetic the proof is about, exposed so a test can compare it with the C# RingQueue state by state.
    /// </summary>
    public string Definitions()
    {
        string B(ulong v) => Bv(v, 32);
        var text = new StringBuilder();
        text.Append($"(define-fun capacity () (_ BitVec 32) {B((ulong)Capacity)})\n");
        text.Append($"(define-fun slot_mask () (_ BitVec 32) {B((ulong)Capacity - 1)})\n");
        text.Append("(define-fun occupancy ((h (_ BitVec 32)) (t (_ BitVec 32))) (_ BitVec 32) (bvsub t h))\n");
        text.Append("(define-fun slot ((k (_ BitVec 32))) (_ BitVec 32) (bvand k slot_mask))\n");
        text.Append(Flaw switch
        {
            RingFlaw.None =>
                "(define-fun is_full ((h (_ BitVec 32)) (t (_ BitVec 32))) Bool (= (occupancy h t) capacity))\n"
                + "(define-fun is_empty ((h (_ BitVec 32)) (t (_ BitVec 32))) Bool (= t h))\n",
            RingFlaw.FullCheckOffByOne =>
                $"(define-fun is_full ((h (_ BitVec 32)) (t (_ BitVec 32))) Bool (= (occupancy h t) (bvadd capacity {B(1)})))\n"
                + "(define-fun is_empty ((h (_ BitVec 32)) (t (_ BitVec 32))) Bool (= t h))\n",
            _ =>
                "(define-fun is_full ((h (_ BitVec 32)) (t (_ BitVec 32))) Bool (= (bvand (bvsub (slot t) (slot h)) slot_mask) capacity))\n"
                + "(define-fun is_empty ((h (_ BitVec 32)) (t (_ BitVec 32))) Bool (= (slot t) (slot h)))\n",
        });
        return text.ToString();
    }

    protected override string NegationSmt()
    {
        string B(ulong v) => Bv(v, 32);
        var text = new StringBuilder("(set-logic QF_BV)\n");
        text.Append(Definitions());
        text.Append($"(declare-const {Head} (_ BitVec 32))\n(declare-const {Tail} (_ BitVec 32))\n");
        text.Append("(declare-const a (_ BitVec 32))\n(declare-const b (_ BitVec 32))\n");
        text.Append($"(define-fun n () (_ BitVec 32) (occupancy {Head} {Tail}))\n");
        text.Append("(assert (bvule n capacity))\n");
        var labels = new SmtLabels()
            .Add(Clauses[0], $"(and (not (is_full head tail)) (bvugt (occupancy head (bvadd tail {B(1)})) capacity))")
            .Add(Clauses[1], $"(and (not (is_empty head tail)) (bvugt (occupancy (bvadd head {B(1)}) tail) capacity))")
            .Add(Clauses[2], "(and (is_full head tail) (is_empty head tail))")
            .Add(Clauses[3], "(not (= (is_full head tail) (= n capacity)))")
            .Add(Clauses[4], $"(not (= (is_empty head tail) (= n {B(0)})))")
            .Add(Clauses[5], "(and (bvult a n) (bvult b n) (not (= a b)) (= (slot (bvadd head a)) (slot (bvadd head b))))");
        return text + labels.AssertAnyAndCheck();
    }
}
