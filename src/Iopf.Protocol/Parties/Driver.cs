using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The driver's steps (claims 4, 12, 25): read a fault descriptor and its buffer location, ask the VMM to
/// resolve the fault, have the VMM copy the payload, then write the completion and notify the device.
/// Faults are handled one at a time in queue order, which keeps the copies of one page in issue order; after each
/// one the driver re-reads the producer index before it goes idle (<see cref="QueueDrain"/>).
/// </summary>
public static partial class Driver
{
    public static void Handle(DriverState s, ProtocolContext ctx, Message message, StepResult r)
    {
        switch (message)
        {
            case FaultInterrupt:
                OnInterrupt(s, ctx, r);
                break;
            case PageReady ready:
                OnPageReady(s, ctx, ready, r);
                break;
            case CopyDone:
                OnCopyDone(s, ctx, r);
                break;
            case PageUnavailable unavailable:
                OnPageUnavailable(s, ctx, unavailable, r);
                break;
            case ReadQueueSlot:
                QueueReads.ReadSlot(s, ctx, r);
                break;
            case DrainFaults drain:
                OnDrain(s, ctx, drain.Function, r);
                break;
            default:
                throw new UnexpectedMessageException(nameof(Driver), message);
        }
    }

    private static void OnInterrupt(DriverState s, ProtocolContext ctx, StepResult r)
    {
        // Only an edge line has state to clear; a level one is left untouched so its steps reach no shared memory.
        if (ctx.Config.Interrupts == InterruptTrigger.Edge)
        {
            ctx.Pinned.IopfInterrupt.Take();
        }

        // Idle: neither working on a fault nor between its two reads of the queue.
        if (s.Current is null && s.ReadingSlot is null)
        {
            RunHandler(s, ctx, r);
        }
        else if (ctx.Rules.QueueDrain != QueueDrain.DrainAndReread)
        {
            // The correct driver needs no reminder: it re-reads the producer index when the fault in hand is done.
            s.InterruptOwed = true;
        }
    }

    /// <summary>One run of the interrupt handler: read the producer index, then take the first fault.</summary>
    private static void RunHandler(DriverState s, ProtocolContext ctx, StepResult r)
    {
        if (ctx.Rules.QueueDrain == QueueDrain.DrainWithoutReread)
        {
            s.KnownEntries = ctx.Pinned.IopfQueue.Count;
        }

        TakeNext(s, ctx, r);
    }

    /// <summary>
    /// The fault in hand is done: take the next one or go idle. The protocol re-reads the producer index before it
    /// goes idle (Linux arm_smmu_priq_thread(): queue_sync_prod_in(), then loop "while (!queue_empty(llq))"), since
    /// with an edge interrupt a fault published while the queue was non-empty raised none.
    /// </summary>
    private static void FaultDone(DriverState s, ProtocolContext ctx, StepResult r)
    {
        s.Current = null;
        switch (ctx.Rules.QueueDrain)
        {
            case QueueDrain.DrainAndReread:
                TakeNext(s, ctx, r);
                break;
            case QueueDrain.DrainWithoutReread when s.KnownEntries > 0:
                TakeNext(s, ctx, r);
                break;
            default:
                GoIdle(s, ctx, r);
                break;
        }

        if (s.Draining.Count > 0 && ctx.Rules.DrainWakeup == DrainWakeup.RecheckAfterEachFault)
        {
            AnswerDrains(s, ctx, r);
        }
    }

    private static void GoIdle(DriverState s, ProtocolContext ctx, StepResult r)
    {
        // About to go idle: the handler runs again for an interrupt that came meanwhile, or while a level line is
        // still asserted; an edge line that already fired stays quiet.
        if (s.InterruptOwed || ctx.Pinned.IopfInterrupt.StillAsserted(ctx.Pinned.IopfQueue))
        {
            s.InterruptOwed = false;
            RunHandler(s, ctx, r);
        }
    }

    private static void TakeNext(DriverState s, ProtocolContext ctx, StepResult r)
    {
        if (ctx.Config.SplitsPublication)
        {
            QueueReads.ReadIndex(s, ctx, r);
            return;
        }

        var codec = ctx.Config.Codec;
        if (!RingReader.Pop(ctx.Pinned.IopfQueue, r, out var word, codec.IsModel ? null : codec.RequestLayout))
        {
            Rearm(ctx, r);
            return;
        }

        Take(s, ctx, word, r);
    }

    /// <summary>The driver has taken the fault descriptor at the head: read its buffer location and ask for the fault to be resolved.</summary>
    internal static void Take(DriverState s, ProtocolContext ctx, UInt128 word, StepResult r)
    {
        if (s.KnownEntries > 0)
        {
            s.KnownEntries--;
        }

        var codec = ctx.Config.Codec;
        var fault = codec.DecodeRequest(word);
        if (!ctx.Config.Design.UsesFaultBuffers)
        {
            // A page request: nothing parked in host memory, nothing to copy.
            s.Current = new DriverWork(fault, -1, Request: word);
            r.Send(Role.Vmm, new ResolveFault(fault.Sequence, fault.FunctionId, fault.Gpa / ModelConfig.PageSize));
            return;
        }

        var buffer = fault.BufferIndex;

        // Claim 12: a fault descriptor is only valid once the fault buffer queue holds its location descriptor, so the
        // driver reads it now; what it found is a fact for the specifications. It uses the location only when it
        // names this fault, and otherwise falls back on the buffer index the fault descriptor carries.
        if (RingReader.PopPromised(ctx.Pinned.FaultBufferQueue, r, out var locationWord, clear: QueueReads.ChecksSlots(ctx)))
        {
            var location = BufferLocationDescriptor.Decode(locationWord);
            if (location.Valid && location.Sequence == fault.Sequence)
            {
                buffer = location.BufferIndex;
                if (!codec.IsModel)
                {
                    // A real page request names only the page: the payload's place in it and its length are here.
                    fault = fault with { BufferIndex = buffer, Length = location.Length, Gpa = fault.Gpa + (ulong)location.PageOffset };
                }
            }
        }

        s.Current = new DriverWork(fault, buffer, Request: word);
        if (s.Detached.Contains(fault.FunctionId))
        {
            AnswerDetached(s, ctx, r);
            return;
        }

        r.Send(Role.Vmm, new ResolveFault(fault.Sequence, fault.FunctionId, fault.Gpa / ModelConfig.PageSize));
    }

    /// <summary>
    /// The queue is drained (the driver found it empty): clear its overflow flag so reports are accepted again. Only now,
    /// as Linux prq_event_thread() clears VT-d's PRO only when head equals tail and arm_smmu_priq_thread()
    /// acknowledges the PRIQ overflow only once the queue is empty. The device retries what was discarded when the
    /// completion this step has just rung for reaches it.
    /// </summary>
    internal static void Rearm(ProtocolContext ctx, StepResult r)
    {
        if (ctx.Pinned.IopfQueueOverflowed && ctx.Rules.OverflowRearm == OverflowRearm.ClearAfterDrain)
        {
            ctx.Pinned.IopfQueueOverflowed = false;
            r.Observe(new QueueOverflowCleared(PinnedMemory.IopfQueueName));
        }
    }

    private static void OnPageReady(DriverState s, ProtocolContext ctx, PageReady ready, StepResult r)
    {
        var work = s.Current ?? throw new ProtocolStateException($"driver: page ready for fault {ready.Sequence} while idle");
        s.Current = work with { Frame = ready.Frame };
        var publication = ctx.Rules.CompletionPublication;
        if (publication != CompletionPublication.AfterCopy)
        {
            WriteCompletion(ctx, s.Current, r);
        }

        // Claim 25: completing the fault drives the copy out of the fault buffer.
        var fault = work.Fault;
        r.Send(Role.Vmm, new CopyPayload(fault.Sequence, work.Buffer, fault.FunctionId, fault.Gpa, fault.Length));
        if (publication == CompletionPublication.DoorbellBeforeCopy)
        {
            r.Send(Role.Device, new CompletionDoorbell());
        }
    }

    /// <summary>
    /// The copy is done: only now is the completion published and the device notified. Publishing it earlier
    /// lets the doorbell of a previous fault make the device consume it and free the buffer before the copy
    /// (found by this model; kept as the CompletionPublication.BeforeCopy choice).
    /// </summary>
    private static void OnCopyDone(DriverState s, ProtocolContext ctx, StepResult r)
    {
        var work = s.Current ?? throw new ProtocolStateException("driver: copy done while idle");
        switch (ctx.Rules.CompletionPublication)
        {
            case CompletionPublication.AfterCopy:
                WriteCompletion(ctx, work, r);
                RingDoorbellAfterCopy(ctx, r);
                break;
            case CompletionPublication.BeforeCopy:
                RingDoorbellAfterCopy(ctx, r);
                break;
            case CompletionPublication.DoorbellBeforeCopy:
                break; // published and rung when the page was ready
        }

        FaultDone(s, ctx, r);
    }

    /// <summary>
    /// The VMM cannot back the fault's page: answer the fault with Invalid Request (PCIe PRI: the page will never
    /// be made accessible, so the device must not retry), copying nothing. The buffer is freed by the device.
    /// </summary>
    private static void OnPageUnavailable(DriverState s, ProtocolContext ctx, PageUnavailable unavailable, StepResult r)
    {
        var work = s.Current ?? throw new ProtocolStateException($"driver: page unavailable for fault {unavailable.Sequence} while idle");
        var status = ctx.Rules.UnbackedFault == UnbackedFault.InvalidRequest ? CompletionStatus.InvalidRequest : CompletionStatus.Success;
        WriteCompletion(ctx, work, r, status);
        RingDoorbellAfterCopy(ctx, r);
        FaultDone(s, ctx, r);
    }

    private static void RingDoorbellAfterCopy(ProtocolContext ctx, StepResult r)
    {
        if (ctx.Rules.DoorbellAfterCopy == DoorbellAfterCopy.Ring)
        {
            r.Send(Role.Device, new CompletionDoorbell());
        }
    }

    /// <summary>The completion echoes the identifying fields of the fault it answers: function, sequence, buffer.</summary>
    private static void WriteCompletion(ProtocolContext ctx, DriverWork work, StepResult r, CompletionStatus status = CompletionStatus.Success)
    {
        var sequence = ctx.Rules.CompletionSequence == CompletionSequence.EchoFault ? work.Fault.Sequence : (work.Fault.Sequence + 1) % ctx.Config.Codec.SequenceModulus;
        var completion = new CompletionDescriptor(
            true, status, work.Fault.FunctionId, sequence, Math.Max(work.Buffer, 0), (ulong)(work.Frame ?? 0));
        var ring = ctx.Pinned.CompletionQueue;
        if (ctx.Rules.CompletionAtWrap == CompletionAtWrap.LoseLastSlot && (ring.Tail & (uint)(ring.Capacity - 1)) == (uint)(ring.Capacity - 1))
        {
            return; // the bug: written into the last slot, tail never published
        }

        // In the chosen family's response format: a real family's is the pairing's answer to the request read.
        var word = ctx.Config.Codec.EncodeResponse(work.Request, completion);
        RingWriter.Push(ring, word, r);
        if (ctx.Rules.CompletionsPerFault == CompletionsPerFault.Twice)
        {
            RingWriter.Push(ring, word, r);
        }
    }
}
