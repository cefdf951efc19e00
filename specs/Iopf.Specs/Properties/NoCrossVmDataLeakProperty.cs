using System.Collections.Frozen;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// No cross-VM data leak: a VM is never handed, and so never reads, bytes written for another VM. A guest can
/// read exactly what its frames hold, and bytes get into a frame in two ways: by a write (which VmIsolation
/// judges: it must be for the page the frame backs) and with the frame itself, when the VMM hands a frame its
/// previous owner released to a page. This property judges the second: every byte a frame holds when it is
/// handed to a page of VM v must have been written for v. Which VM each payload's bytes were written for is
/// learnt from the writes as they land (GuestWrite), so the verdict rests on facts, not on the VMM's word.
/// </summary>
public sealed class NoCrossVmDataLeakProperty : IProperty
{
    // Payload id -> the VM its bytes were first written for (a later write of it for another VM is VmIsolation's verdict).
    private SortedDictionary<int, int> writtenFor = [];

    public string Name => "NoCrossVmDataLeak";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(GuestWrite), typeof(FrameAssigned) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation => null;

    public string? Observe(Observation observation)
    {
        switch (observation)
        {
            case GuestWrite w:
                writtenFor.TryAdd(w.PayloadId, w.Vm);
                return null;
            case FrameAssigned f:
                return OnHandOver(f);
            default:
                return null;
        }
    }

    private string? OnHandOver(FrameAssigned f)
    {
        foreach (var (offset, id) in f.Content.Writes)
        {
            if (writtenFor.TryGetValue(id, out var vm) && vm != f.Vm)
            {
                return $"vm{f.Vm}:gpfn{f.Page} was handed host frame {f.Frame} holding P{id} at +0x{offset:x}, written for vm{vm} (the frame was not cleared)";
            }
        }

        return null;
    }

    public void WriteCanonical(BinaryWriter writer)
    {
        writer.Write(writtenFor.Count);
        foreach (var (id, vm) in writtenFor)
        {
            writer.Write(id);
            writer.Write(vm);
        }
    }

    public IProperty Clone() => new NoCrossVmDataLeakProperty { writtenFor = new(writtenFor) };
}
