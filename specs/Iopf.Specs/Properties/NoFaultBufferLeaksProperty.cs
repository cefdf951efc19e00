using System.Collections.Frozen;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// No fault buffer leaks: when a VM's teardown completes (VmTornDown), no fault buffer still holds a payload of that
/// VM. Its faults must have been answered and their buffers freed before the function was reset: after the reset
/// nothing remembers which buffers its page requests held, so one still held then is never freed. Which buffer holds
/// which payload, and of which VM, is learnt from the facts (PayloadAccepted, FaultBufferStored, FaultBufferFreed).
/// </summary>
public sealed class NoFaultBufferLeaksProperty : IProperty
{
    // Payload id -> its VM.
    private SortedDictionary<int, int> payloadVm = [];

    // Fault buffer -> the payload stored in it and not yet freed.
    private SortedDictionary<int, int> held = [];

    public string Name => "NoFaultBufferLeaks";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(PayloadAccepted), typeof(FaultBufferStored), typeof(FaultBufferFreed), typeof(VmTornDown) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation => null;

    public string? Observe(Observation observation)
    {
        switch (observation)
        {
            case PayloadAccepted a:
                payloadVm[a.Payload.Id] = a.Payload.Vm;
                return null;
            case FaultBufferStored stored:
                held[stored.Buffer] = stored.PayloadId;
                return null;
            case FaultBufferFreed freed:
                held.Remove(freed.Buffer);
                return null;
            case VmTornDown torn:
                var leaked = held.Where(h => payloadVm.TryGetValue(h.Value, out var vm) && vm == torn.Vm).ToList();
                return leaked.Count == 0
                    ? null
                    : $"the teardown of vm{torn.Vm} generation {torn.Generation} completed with " + string.Join(", ", leaked.Select(h => $"fault buffer {h.Key} still holding P{h.Value}")) + " (never freed: leaked)";
            default:
                return null;
        }
    }

    public void WriteCanonical(BinaryWriter writer)
    {
        writer.Write(payloadVm.Count);
        foreach (var (id, vm) in payloadVm)
        {
            writer.Write(id);
            writer.Write(vm);
        }

        writer.Write(held.Count);
        foreach (var (buffer, id) in held)
        {
            writer.Write(buffer);
            writer.Write(id);
        }
    }

    public IProperty Clone() => new NoFaultBufferLeaksProperty { payloadVm = new(payloadVm), held = new(held) };
}
