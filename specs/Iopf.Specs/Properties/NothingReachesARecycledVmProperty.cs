using System.Collections.Frozen;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// Nothing reaches a recycled VM: once a VM id is reused by a new VM (a new generation), no byte of the old VM gets into
/// the new one's memory, neither by a write (a late DMA, a late copy out of a fault buffer) landing in a frame that backs
/// a page of the new generation, nor with a frame handed to the new generation still holding the old one's bytes. A
/// payload belongs to the generation its VM had when the device took it on, a frame to the generation of the VM it was
/// handed to; both are learnt from the facts (PayloadAccepted, VmCreated, FrameAssigned), not from the VMM's word.
/// A write into a frame that backs no page at all is VmIsolation's verdict, bytes of another VM id NoCrossVmDataLeak's.
/// </summary>
public sealed class NothingReachesARecycledVmProperty : IProperty
{
    // VM id -> its current generation (0 until a VmCreated says otherwise).
    private SortedDictionary<int, int> generation = [];

    // Payload id -> (VM, generation) it was accepted for.
    private SortedDictionary<int, (int Vm, int Generation)> payloadOf = [];

    // Host frame -> (VM, generation) of the page it backs now.
    private SortedDictionary<int, (int Vm, int Generation)> frameOf = [];

    public string Name => "NothingReachesARecycledVm";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(PayloadAccepted), typeof(VmCreated), typeof(FrameAssigned), typeof(FrameReleased), typeof(GuestWrite) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation => null;

    public string? Observe(Observation observation)
    {
        switch (observation)
        {
            case PayloadAccepted a:
                payloadOf[a.Payload.Id] = (a.Payload.Vm, GenerationOf(a.Payload.Vm));
                return null;
            case VmCreated created:
                generation[created.Vm] = created.Generation;
                return null;
            case FrameAssigned f:
                frameOf[f.Frame] = (f.Vm, GenerationOf(f.Vm));
                return OnHandOver(f);
            case FrameReleased f:
                frameOf.Remove(f.Frame);
                return null;
            case GuestWrite w:
                return OnWrite(w);
            default:
                return null;
        }
    }

    private int GenerationOf(int vm) => generation.GetValueOrDefault(vm);

    private string? OnWrite(GuestWrite w)
    {
        if (!payloadOf.TryGetValue(w.PayloadId, out var from) || !frameOf.TryGetValue(w.Frame, out var into))
        {
            return null;
        }

        return from.Vm == into.Vm && from.Generation != into.Generation
            ? $"P{w.PayloadId} of vm{from.Vm} generation {from.Generation} reached vm{into.Vm} generation {into.Generation} in host frame {w.Frame} at 0x{w.Gpa:x} ({w.Path}): the VM id was reused while the old VM's data was still on its way"
            : null;
    }

    private string? OnHandOver(FrameAssigned f)
    {
        var to = GenerationOf(f.Vm);
        foreach (var (offset, id) in f.Content.Writes)
        {
            if (payloadOf.TryGetValue(id, out var from) && from.Vm == f.Vm && from.Generation != to)
            {
                return $"vm{f.Vm}:gpfn{f.Page} of generation {to} was handed host frame {f.Frame} holding P{id} of generation {from.Generation} at +0x{offset:x} (the old VM's frame was not cleared)";
            }
        }

        return null;
    }

    public void WriteCanonical(BinaryWriter writer)
    {
        writer.Write(generation.Count);
        foreach (var (vm, g) in generation)
        {
            writer.Write(vm);
            writer.Write(g);
        }

        writer.Write(payloadOf.Count);
        foreach (var (id, (vm, g)) in payloadOf)
        {
            writer.Write(id);
            writer.Write(vm);
            writer.Write(g);
        }

        writer.Write(frameOf.Count);
        foreach (var (frame, (vm, g)) in frameOf)
        {
            writer.Write(frame);
            writer.Write(vm);
            writer.Write(g);
        }
    }

    public IProperty Clone() => new NothingReachesARecycledVmProperty
    {
        generation = new(generation),
        payloadOf = new(payloadOf),
        frameOf = new(frameOf),
    };
}
