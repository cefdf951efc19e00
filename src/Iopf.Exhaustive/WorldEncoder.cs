using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Parties;
using Iopf.Protocol.Queues;

namespace Iopf.Exhaustive;

/// <summary>
/// Canonical bytes of a <see cref="World"/>, read from its public state in the sorted collections' order.
/// Everything that can influence a later step or observation is written; the configuration is not (it is
/// fixed for a run). Two pure cost counters are left out on purpose, see <see cref="IgnoredMembers"/>.
/// </summary>
public static class WorldEncoder
{
    /// <summary>Public state members written, per state class (a test checks no member is forgotten).</summary>
    public static IReadOnlyDictionary<Type, string[]> EncodedMembers { get; } = new Dictionary<Type, string[]>
    {
        [typeof(DeviceState)] = [nameof(DeviceState.NextPayload), nameof(DeviceState.Atc), nameof(DeviceState.AwaitingTranslation), nameof(DeviceState.Overtaken), nameof(DeviceState.RefreshesInFlight), nameof(DeviceState.StaleRefreshes), nameof(DeviceState.Stalled), nameof(DeviceState.Unpublished), nameof(DeviceState.Outstanding), nameof(DeviceState.Recalled), nameof(DeviceState.Relocations), nameof(DeviceState.NextSequence), nameof(DeviceState.LastFaultFunction), nameof(DeviceState.Stopped), nameof(DeviceState.StopAckOwed)],
        [typeof(IommuState)] = [nameof(IommuState.Table), nameof(IommuState.InFlight)],
        [typeof(DriverState)] = [nameof(DriverState.Current), nameof(DriverState.KnownEntries), nameof(DriverState.InterruptOwed), nameof(DriverState.ReadingSlot), nameof(DriverState.Speculated), nameof(DriverState.Detached), nameof(DriverState.Draining)],
        [typeof(VmmState)] = [nameof(VmmState.Pages), nameof(VmmState.Swap), nameof(VmmState.FreeFrames), nameof(VmmState.ReadyFrames), nameof(VmmState.Current), nameof(VmmState.Waiting), nameof(VmmState.ClockHand), nameof(VmmState.NextToken), nameof(VmmState.Teardown)],
        [typeof(LinkState)] = [],
        [typeof(GuestState)] = [nameof(GuestState.PressureLeft), nameof(GuestState.Vm)],
    };

    /// <summary>
    /// Members deliberately not written: counters that only grow, that no step reads and no observation
    /// carries (cost figures). States differing only in them behave identically, so merging them is sound,
    /// and keeping them would make every stall step a new state.
    /// </summary>
    public static IReadOnlyDictionary<Type, string[]> IgnoredMembers { get; } = new Dictionary<Type, string[]>
    {
        [typeof(DeviceState)] = [nameof(DeviceState.StallSteps), nameof(DeviceState.PeakHeld)],
        [typeof(VmmState)] = [nameof(VmmState.Copies)],
    };

    public static void Write(CanonicalWriter w, World world)
    {
        WritePinned(w, world.Context.Pinned);
        WriteHost(w, world.Context.Host);
        WriteDevice(w, world.Device);
        WriteIommu(w, world.Iommu);
        WriteDriver(w, world.Driver);
        WriteVmm(w, world.Vmm);
        WriteLink(w, world.Link);
        foreach (var guest in world.Guests)
        {
            WriteGuest(w, guest);
        }
    }

    /// <summary>The link has no state of its own (what is in flight is its inbox); one byte keeps its slot non-empty.</summary>
    public static void WriteLink(CanonicalWriter w, LinkState link) => w.Write((byte)0);

    public static void WriteGuest(CanonicalWriter w, GuestState guest)
    {
        w.Write(guest.Vm);
        w.Write(guest.PressureLeft);
    }

    public static void WritePinned(CanonicalWriter w, PinnedMemory pinned)
    {
        for (var i = 0; i < pinned.Buffers.Capacity; i++)
        {
            w.Write(pinned.Buffers.IsAllocated(i));
            WriteOptional(w, pinned.Buffers.Read(i));
        }

        WriteRing(w, pinned.IopfQueue);
        WriteRing(w, pinned.FaultBufferQueue);
        WriteRing(w, pinned.CompletionQueue);
        w.Write(pinned.IopfInterrupt.Pending);
        w.Write(pinned.IopfQueueOverflowed);
    }

    // Counters, then every slot starting at the head (stale ones too: an unchecked consumer can read them).
    private static void WriteRing(CanonicalWriter w, RingQueue ring)
    {
        w.Write(ring.Head);
        w.Write(ring.Tail);
        w.Write(ring.Reserved);
        for (var k = 0; k < ring.Capacity; k++)
        {
            WriteWord(w, ring.SlotFromHead(k));
        }
    }

    public static void WriteHost(CanonicalWriter w, HostMemory host)
    {
        for (var frame = 0; frame < host.FrameCount; frame++)
        {
            WriteContent(w, host.Frame(frame));
        }
    }

    public static void WriteDevice(CanonicalWriter w, DeviceState d)
    {
        w.Write(d.NextPayload);
        WritePageMap(w, d.Atc);
        w.WriteAll(d.AwaitingTranslation, static (w, e) =>
        {
            w.Write(e.Key);
            WritePayload(w, e.Value);
        });
        w.WriteAll(d.Overtaken, static (w, job) => w.Write(job));
        WritePageMap(w, d.RefreshesInFlight);
        WritePageMap(w, d.StaleRefreshes);
        w.WriteAll(d.Stalled, WritePayload);
        w.WriteAll(d.Unpublished, static (w, sequence) => w.Write(sequence));
        w.WriteAll(d.Outstanding, static (w, e) =>
        {
            w.Write(e.Key);
            w.Write(e.Value.Sequence);
            WritePayload(w, e.Value.Payload);
            w.Write(e.Value.Buffer);
            w.Write(e.Value.DescriptorFunction);
        });
        w.WriteAll(d.Recalled, static (w, job) => w.Write(job));
        w.WriteAll(d.Relocations, static (w, e) =>
        {
            w.Write(e.Key);
            w.Write(e.Value);
        });

        w.Write(d.NextSequence);
        w.Write(d.LastFaultFunction);
        w.WriteAll(d.Stopped, static (w, function) => w.Write(function));
        w.WriteAll(d.StopAckOwed, static (w, function) => w.Write(function));
    }

    public static void WriteIommu(CanonicalWriter w, IommuState s)
    {
        WritePageMap(w, s.Table);
        w.WriteAll(s.InFlight, static (w, answer) => MessageEncoder.Write(w, answer));
    }

    public static void WriteDriver(CanonicalWriter w, DriverState s)
    {
        w.Write(s.Current is not null);
        if (s.Current is { } work)
        {
            WriteWord(w, work.Fault.Encode());
            WriteWord(w, work.Request);
            w.Write(work.Buffer);
            MessageEncoder.WriteOptional(w, work.Frame);
        }

        w.Write(s.KnownEntries);
        w.Write(s.InterruptOwed);
        w.Write(s.ReadingSlot.HasValue);
        w.Write(s.ReadingSlot ?? 0);
        w.Write(s.Speculated.HasValue);
        WriteWord(w, s.Speculated ?? 0);
        w.WriteAll(s.Detached, static (w, function) => w.Write(function));
        w.WriteAll(s.Draining, static (w, function) => w.Write(function));
    }

    public static void WriteVmm(CanonicalWriter w, VmmState s)
    {
        w.WriteAll(s.Pages, static (w, e) =>
        {
            WritePage(w, e.Key);
            MessageEncoder.WriteOptional(w, e.Value.Frame);
            w.Write(e.Value.Pinned);
        });
        w.WriteAll(s.Swap, static (w, e) =>
        {
            WritePage(w, e.Key);
            WriteContent(w, e.Value);
        });
        w.WriteAll(s.FreeFrames, static (w, frame) => w.Write(frame));
        w.WriteAll(s.ReadyFrames, static (w, e) =>
        {
            w.Write(e.Key);
            w.Write(e.Value);
        });

        switch (s.Current)
        {
            case null:
                w.Write((byte)0);
                break;
            case ResolvingOp op:
                w.Write((byte)1);
                w.Write(op.Sequence);
                WritePage(w, op.Page);
                w.Write(op.Victim.HasValue);
                WritePage(w, op.Victim ?? default);
                MessageEncoder.WriteOptional(w, op.Frame);
                break;
            case EvictingOp op:
                w.Write((byte)2);
                WritePage(w, op.Victim);
                break;
            default:
                throw new NotSupportedException($"no canonical encoding for VMM operation {s.Current.GetType().Name}: add it to {nameof(WorldEncoder)}");
        }

        w.WriteAll(s.Waiting, MessageEncoder.Write);

        w.Write(s.ClockHand);
        w.Write(s.NextToken);
        w.Write(s.Teardown is not null);
        w.Write(s.Teardown?.Vm ?? 0);
        w.Write((int)(s.Teardown?.Phase ?? 0));
    }

    private static void WriteContent(CanonicalWriter w, PageContent content) =>
        w.WriteAll(content.Writes, static (w, e) =>
        {
            w.Write(e.Key);
            w.Write(e.Value);
        });

    // A translation table (device ATC or IOMMU table): (function, guest page) → host frame.
    /// <summary>A map keyed by (function, guest page): a translation table, or a count per page.</summary>
    private static void WritePageMap(CanonicalWriter w, SortedDictionary<(int Function, ulong Page), int> table) =>
        w.WriteAll(table, static (w, e) =>
        {
            w.Write(e.Key.Function);
            w.Write(e.Key.Page);
            w.Write(e.Value);
        });

    private static void WriteOptional(CanonicalWriter w, Payload? payload)
    {
        w.Write(payload is not null);
        if (payload is not null)
        {
            WritePayload(w, payload);
        }
    }

    private static void WritePayload(CanonicalWriter w, Payload p)
    {
        w.Write(p.Id);
        w.Write(p.Vm);
        w.Write(p.Gpa);
        w.Write(p.Length);
    }

    private static void WritePage(CanonicalWriter w, GuestPage page)
    {
        w.Write(page.Vm);
        w.Write(page.Page);
    }

    private static void WriteWord(CanonicalWriter w, UInt128 word)
    {
        w.Write((ulong)word);
        w.Write((ulong)(word >> 64));
    }
}
