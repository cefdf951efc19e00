using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The driver's part of a VM teardown: the function is detached, so each of its faults the driver takes from the IO
/// page fault queue is answered Invalid Request instead of being resolved (Linux iopf_queue_remove_device(): "Respond to
/// all outstanding page requests with IOMMU_PAGE_RESP_INVALID"), and the drain is answered once the queue holds none of
/// the function's faults and none is in hand (intel_iommu_drain_pasid_prq() waits "until all pending page requests for
/// @pasid in the page fault queue are completed by the prq handling thread"). A fault already in hand when the drain
/// is asked is finished as usual: its page still belongs to the old VM.
/// </summary>
public static partial class Driver
{
    private static void OnDrain(DriverState s, ProtocolContext ctx, int function, StepResult r)
    {
        s.Detached.Add(function);
        s.Draining.Add(function);
        if (s.Current is null && !ctx.Pinned.IopfQueue.IsEmpty)
        {
            // The handler would run for these anyway (their interrupt is pending); the drain does not wait for it.
            RunHandler(s, ctx, r);
        }

        AnswerDrains(s, ctx, r);
    }

    /// <summary>Answers each waiting drain whose function has no fault left in the queue or in hand.</summary>
    private static void AnswerDrains(DriverState s, ProtocolContext ctx, StepResult r)
    {
        foreach (var function in s.Draining.Where(f => !HasFaultOf(s, ctx, f)).ToList())
        {
            s.Draining.Remove(function);
            r.Send(Role.Vmm, new FaultsDrained(function));
        }
    }

    /// <summary>Whether a fault of the function is in hand or still queued (the driver scans the queue from its head, as the drain does).</summary>
    private static bool HasFaultOf(DriverState s, ProtocolContext ctx, int function)
    {
        if (s.Current is { } work && work.Fault.FunctionId == function)
        {
            return true;
        }

        var queue = ctx.Pinned.IopfQueue;
        for (var k = 0; k < queue.Count; k++)
        {
            if (FaultDescriptor.Decode(queue.SlotFromHead(k)).FunctionId == function)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The fault in hand is of a detached function: answer it without resolving it, or (the mutant) drop it.</summary>
    private static void AnswerDetached(DriverState s, ProtocolContext ctx, StepResult r)
    {
        if (ctx.Rules.DetachedFault == DetachedFault.AnswerInvalid)
        {
            WriteCompletion(ctx, s.Current!, r, CompletionStatus.InvalidRequest);
            RingDoorbellAfterCopy(ctx, r);
        }

        FaultDone(s, ctx, r);
    }
}
