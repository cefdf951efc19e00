using System.Collections.Frozen;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// Every completion the device consumes answers a fault it has outstanding: its sequence names a fault that
/// was raised and not yet answered, from the same function, parked in the same fault buffer. A completion
/// that names another fault (or none) would free the wrong buffer or finish the wrong DMA; a device that
/// validates the fields discards it and its fault is never answered, so either way it is a verdict.
/// </summary>
public sealed class CompletionAnswersOutstandingFaultProperty : IProperty
{
    private SortedDictionary<int, FaultRaised> outstanding = [];

    public string Name => "CompletionAnswersOutstandingFault";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(FaultRaised), typeof(CompletionConsumed) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation => null;

    public string? Observe(Observation observation)
    {
        switch (observation)
        {
            case FaultRaised raised:
                outstanding[raised.Sequence] = raised;
                return null;
            case CompletionConsumed c:
                if (!outstanding.Remove(c.Sequence, out var fault))
                {
                    return $"the device consumed a completion for fault #{c.Sequence}, which is not outstanding";
                }

                if (c.FunctionId != fault.Vm)
                {
                    return $"the completion of fault #{c.Sequence} names function {c.FunctionId}, but the fault came from vm{fault.Vm}";
                }

                // A page request (no fault buffer, Buffer -1) has no buffer for the completion to name.
                if (fault.Buffer >= 0 && c.Buffer != fault.Buffer)
                {
                    return $"the completion of fault #{c.Sequence} names fault buffer {c.Buffer}, but the fault was parked in buffer {fault.Buffer}";
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
            writer.Write(f.Buffer);
        }
    }

    public IProperty Clone() => new CompletionAnswersOutstandingFaultProperty { outstanding = new(outstanding) };
}
