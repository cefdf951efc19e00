using System.Collections.Frozen;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// Every fault completed (liveness): every descriptor written to the IO page fault queue is eventually
/// completed and the device is notified of it. Owed while any fault is outstanding, or until its VM is torn down
/// (VmTornDown): the function was reset, so it waits for no response any more; whether the fault's buffer was freed
/// is NoFaultBufferLeaks' verdict.
/// </summary>
public sealed class EveryFaultCompletedProperty : IProperty
{
    private SortedDictionary<int, FaultRaised> outstanding = [];

    public string Name => "EveryFaultCompleted";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(FaultRaised), typeof(FaultNotified), typeof(VmTornDown) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation =>
        outstanding.Count == 0
            ? null
            : "never completed: " + string.Join(", ", outstanding.Values.Select(f => $"fault #{f.Sequence} (vm{f.Vm}@0x{f.Gpa:x}, buffer {f.Buffer})"));

    public string? Observe(Observation observation)
    {
        switch (observation)
        {
            case FaultRaised raised:
                if (!outstanding.TryAdd(raised.Sequence, raised))
                {
                    return $"fault #{raised.Sequence} raised again while still outstanding (sequence number reused)";
                }

                return null;
            case FaultNotified notified:
                return outstanding.Remove(notified.Sequence)
                    ? null
                    : $"the device was notified of fault #{notified.Sequence}, which is not outstanding";
            case VmTornDown torn:
                foreach (var sequence in outstanding.Where(f => f.Value.Vm == torn.Vm).Select(f => f.Key).ToList())
                {
                    outstanding.Remove(sequence);
                }

                return null;
            default:
                return null;
        }
    }

    public void WriteCanonical(BinaryWriter writer)
    {
        writer.Write(outstanding.Count);
        foreach (var f in outstanding.Values)
        {
            writer.Write(f.Sequence);
            writer.Write(f.Vm);
            writer.Write(f.Gpa);
            writer.Write(f.Buffer);
        }
    }

    public IProperty Clone() => new EveryFaultCompletedProperty { outstanding = new(outstanding) };
}
