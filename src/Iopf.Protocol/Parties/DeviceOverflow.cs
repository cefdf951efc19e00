using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The overflow discipline of the IO page fault queue (<see cref="IopfQueueFull.Overflow"/>): a report that finds the
/// queue full sets its overflow flag and is discarded, and so is every report while the flag is set. Nothing of the
/// report is written (the decision is taken before the buffer is allocated or either descriptor pushed), as VT-d
/// drops a page request whole when PRO is set.
/// </summary>
public static partial class Device
{
    /// <summary>Whether a report started now would be discarded: only under overflow, with the queue full or flagged.</summary>
    internal static bool ReportOverflows(ProtocolContext ctx) =>
        ctx.Config.IopfQueueFull == IopfQueueFull.Overflow
        && (ctx.Pinned.IopfQueueOverflowed || ctx.Pinned.IopfQueue.IsFull);

    /// <summary>
    /// Discards the report of <paramref name="p"/>. The report is auto-answered (VT-d, as issue 10 reads its
    /// specification, answers a page request discarded while PRO is set with a Page Group Response of its own), so the
    /// device is not left waiting: it keeps the payload and retries the
    /// report, in issue order, when a completion next frees resources. The page is still not present, so the retry
    /// faults again; the model skips the translation round trip that would answer not-present once more.
    /// </summary>
    internal static void DiscardReport(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        if (ctx.Pinned.IopfQueue.IsFull)
        {
            ctx.Pinned.IopfQueueOverflowed = true;
        }

        r.Observe(new FaultReportDiscarded(p.Id, PinnedMemory.IopfQueueName));
        if (ctx.Rules.OverflowDiscard == OverflowDiscard.AutoRespondAndRetry)
        {
            s.Hold(p);
        }
    }
}
