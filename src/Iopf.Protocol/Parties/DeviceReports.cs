using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The device's fault reports (claims 2-3, 12): a fault descriptor in the IO page fault queue and, for a
/// payload parked in a fault buffer, its buffer-location descriptor in the fault buffer queue. The designs
/// decide when to report; this is how.
/// </summary>
public static partial class Device
{
    /// <summary>Outstanding page requests are bounded by the device's hold slots (one per fault buffer of the configuration) and the ring.</summary>
    internal static bool HasPageRequestCredit(DeviceState s, ProtocolContext ctx) =>
        s.Outstanding.Count < ctx.Config.FaultBuffers.BufferCount && !ctx.Pinned.IopfQueue.IsFull;

    // One report at a time (each is two queue writes), and only with a free buffer and room in both rings. Under
    // overflow a full IO page fault queue does not hold the report back: it is discarded (ReportOverflows).
    internal static bool CanStartReport(DeviceState s, ProtocolContext ctx) =>
        s.Unpublished.Count == 0
        && ctx.Pinned.Buffers.HasFree
        && (ctx.Config.IopfQueueFull == IopfQueueFull.Overflow || !ctx.Pinned.IopfQueue.IsFull)
        && !ctx.Pinned.FaultBufferQueue.IsFull;

    /// <summary>First half of a fault report: store the payload, then write the buffer-location descriptor.</summary>
    internal static void StartReport(DeviceState s, ProtocolContext ctx, Payload p, StepResult r)
    {
        var buffer = ctx.Pinned.Buffers.Allocate()!.Value;
        ctx.Pinned.Buffers.Store(buffer, p);
        r.Observe(new FaultBufferStored(buffer, p.Id));

        var function = ctx.Rules.FaultFunctionId == FaultFunctionId.CurrentFault ? p.Vm : s.LastFaultFunction;
        s.LastFaultFunction = p.Vm;
        var fault = NewFault(s, ctx, p, buffer, function);
        var sequence = fault.Sequence;
        s.Unpublished.Add(sequence);

        // The buffer location goes first: the fault descriptor refers to it (FinishReport writes the second).
        if (ctx.Rules.FaultDescriptorOrder == FaultDescriptorOrder.LocationFirst)
        {
            PublishLocation(ctx, fault, r);
        }
        else
        {
            PublishFaultDescriptor(s, ctx, fault, r);
        }

        r.Send(Role.Device, new FinishFaultReport(sequence));
    }

    private static void FinishReport(DeviceState s, ProtocolContext ctx, int sequence, StepResult r)
    {
        s.Unpublished.Remove(sequence);
        var fault = s.Outstanding[sequence];
        if (ctx.Rules.FaultDescriptorOrder == FaultDescriptorOrder.LocationFirst)
        {
            PublishFaultDescriptor(s, ctx, fault, r);
        }
        else
        {
            PublishLocation(ctx, fault, r);
        }

        if (s.StopAckOwed.Remove(fault.Payload.Vm))
        {
            AcknowledgeStop(ctx, fault.Payload.Vm, r);
        }

        ctx.Config.Design.RetryHeld(s, ctx, r);
    }

    private static void PublishLocation(ProtocolContext ctx, OutstandingFault f, StepResult r)
    {
        var location = new BufferLocationDescriptor(
            true, f.Buffer, f.Sequence, f.Payload.Length, ctx.Pinned.Buffers.Region.AddressOf(f.Buffer), (int)f.Payload.Offset(ModelConfig.PageSize));
        RingWriter.Publish(ctx, DeviceRing.FaultBufferQueue, location.Encode(), r);
    }

    internal static void PublishFaultDescriptor(DeviceState s, ProtocolContext ctx, OutstandingFault f, StepResult r)
    {
        var p = f.Payload;
        var descriptor = new FaultDescriptor(
            Valid: true,
            Write: true,
            Ordered: s.Outstanding.Values.Any(o => o.Sequence != f.Sequence && o.Payload.Vm == p.Vm && o.Payload.Page(ModelConfig.PageSize) == p.Page(ModelConfig.PageSize)),
            FunctionId: f.DescriptorFunction,
            Pasid: ModelConfig.PasidOf(f.DescriptorFunction),
            Sequence: f.Sequence,
            BufferIndex: Math.Max(f.Buffer, 0),
            Length: p.Length,
            Gpa: p.Gpa);
        if (RingWriter.Publish(ctx, DeviceRing.IopfQueue, ctx.Config.Codec.EncodeRequest(descriptor), r))
        {
            r.Observe(new FaultRaised(f.Sequence, p.Vm, p.Gpa, f.Buffer));
        }
    }

    /// <summary>
    /// Numbers a new fault (the model's 16-bit sequence, or a real family's 9-bit PRG index, wrapping) and records
    /// it as outstanding. A number still outstanding is never handed out twice: that would be a protocol error.
    /// </summary>
    internal static OutstandingFault NewFault(DeviceState s, ProtocolContext ctx, Payload p, int buffer, int? descriptorFunction = null)
    {
        var sequence = s.NextSequence;
        if (s.Outstanding.ContainsKey(sequence))
        {
            throw new ProtocolStateException($"device: fault number {sequence} is still outstanding when it comes round again ({ctx.Config.Codec.Family} numbers faults modulo {ctx.Config.Codec.SequenceModulus})");
        }

        s.NextSequence = (sequence + 1) % ctx.Config.Codec.SequenceModulus;
        var fault = new OutstandingFault(sequence, p, buffer, descriptorFunction ?? p.Vm);
        s.Outstanding[sequence] = fault;
        s.PeakHeld = Math.Max(s.PeakHeld, s.Outstanding.Count);
        return fault;
    }
}
