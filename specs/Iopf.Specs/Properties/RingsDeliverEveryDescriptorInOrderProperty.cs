using System.Collections.Frozen;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// Rings deliver every descriptor in order: each descriptor a producer pushes is read by the consumer exactly once,
/// at the index it was pushed at, unchanged, and in push order. Judged from the neutral facts of the rings (what
/// was pushed at which index, what was read at which index): a push onto a slot whose descriptor was not yet read
/// overwrites it, a push the ring refused as full is never delivered (no producer of the model offers it again),
/// and a read of an index where nothing was published reads ahead of the producer. Across the two fault rings,
/// the buffer location a driver reads right after a fault descriptor must be that fault's (claim 12: each fault's
/// location is published, in the same order, before the fault), which the property reads from the descriptors' bits.
/// </summary>
public sealed class RingsDeliverEveryDescriptorInOrderProperty : IProperty
{
    // Per ring, the descriptors pushed and not yet read, oldest first (a list, not a map keyed by index: the
    // free-running indices wrap at 2^32, and push order is what "in order" means).
    private SortedDictionary<string, List<(uint Index, UInt128 Descriptor)>> unread = new(StringComparer.Ordinal);

    // The sequence of the fault descriptor read last, until its buffer location is read (in the same driver step, so
    // it is empty again in every state a fault-buffer design stores; a page-request design reads no location).
    private int? awaitingLocation;

    public string Name => "RingsDeliverEveryDescriptorInOrder";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(QueuePush), typeof(DescriptorRead) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation => null;

    public string? Observe(Observation observation) => observation switch
    {
        QueuePush push => OnPush(push),
        DescriptorRead read => OnRead(read),
        _ => null,
    };

    private string? OnPush(QueuePush push)
    {
        if (push.RingFull)
        {
            return $"ring {push.Queue} was full when a descriptor was pushed at index {push.Index}: it is never delivered";
        }

        var pending = Pending(push.Queue);
        if (pending.Count > 0 && pending[^1].Index + 1 != push.Index)
        {
            return $"ring {push.Queue}: a descriptor was pushed at index {push.Index}, but the last one still unread is at index {pending[^1].Index}";
        }

        // The slot of index i is shared with index i - capacity: if that one is still unread, it is overwritten.
        var sharing = push.Index - (uint)push.Capacity;
        if (pending.Count > 0 && pending.Exists(e => e.Index == sharing))
        {
            return $"ring {push.Queue}: the descriptor pushed at index {sharing} was overwritten by the one pushed at index {push.Index} before it was read";
        }

        pending.Add((push.Index, push.Descriptor));
        return null;
    }

    private string? OnRead(DescriptorRead read)
    {
        var pending = Pending(read.Queue);
        if (read.Descriptor is not { } found)
        {
            return $"ring {read.Queue}: the consumer expected a descriptor at index {read.Index} and none was published there";
        }

        if (pending.Count == 0 || pending[0].Index != read.Index)
        {
            return pending.Exists(e => e.Index == read.Index)
                ? $"ring {read.Queue}: index {read.Index} was read while the older index {pending[0].Index} was still unread"
                : $"ring {read.Queue}: index {read.Index} was read, but no unread descriptor was pushed there";
        }

        if (found != pending[0].Descriptor)
        {
            return $"ring {read.Queue}: index {read.Index} held another descriptor than the one pushed there";
        }

        pending.RemoveAt(0);
        return Pair(read.Queue, found, read.Layout);
    }

    private string? Pair(string queue, UInt128 descriptor, string? layout)
    {
        switch (queue)
        {
            case PinnedMemory.IopfQueueName:
                // The fault's sequence from its bits, in the layout it was written in (a real family's PRG index).
                awaitingLocation = PageRequestCodec.SequenceOf(layout, descriptor);
                return null;
            case PinnedMemory.FaultBufferQueueName when awaitingLocation is { } sequence:
                awaitingLocation = null;
                var location = BufferLocationDescriptor.Decode(descriptor);
                return location.Valid && location.Sequence == sequence
                    ? null
                    : $"ring {queue}: the buffer location read with fault #{sequence} is {(location.Valid ? $"fault #{location.Sequence}'s" : "not valid")}";
            default:
                return null;
        }
    }

    private List<(uint Index, UInt128 Descriptor)> Pending(string queue)
    {
        if (!unread.TryGetValue(queue, out var pending))
        {
            pending = [];
            unread[queue] = pending;
        }

        return pending;
    }

    public void WriteCanonical(BinaryWriter writer)
    {
        // Rings with nothing unread are left out, so a ring seen empty and a ring never seen encode alike.
        foreach (var (queue, pending) in unread.Where(u => u.Value.Count > 0))
        {
            writer.Write(queue);
            writer.Write(pending.Count);
            foreach (var (index, descriptor) in pending)
            {
                writer.Write(index);
                writer.Write((ulong)descriptor);
                writer.Write((ulong)(descriptor >> 64));
            }
        }

        writer.Write(string.Empty);
        writer.Write(awaitingLocation ?? -1);
    }

    public IProperty Clone()
    {
        var copy = new SortedDictionary<string, List<(uint Index, UInt128 Descriptor)>>(StringComparer.Ordinal);
        foreach (var (queue, pending) in unread)
        {
            copy[queue] = [.. pending];
        }

        return new RingsDeliverEveryDescriptorInOrderProperty { unread = copy, awaitingLocation = awaitingLocation };
    }
}
