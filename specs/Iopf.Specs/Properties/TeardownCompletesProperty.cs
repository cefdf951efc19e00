using System.Collections.Frozen;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// Teardown completes (liveness): a VM whose teardown started is eventually gone and its id reused by a new VM. Owed
/// from VmTeardownStarted until the VmCreated that reuses the id.
/// </summary>
public sealed class TeardownCompletesProperty : IProperty
{
    // VM id -> generation being torn down.
    private SortedDictionary<int, int> pending = [];

    public string Name => "TeardownCompletes";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(VmTeardownStarted), typeof(VmCreated) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation =>
        pending.Count == 0
            ? null
            : "teardown never completed: " + string.Join(", ", pending.Select(p => $"vm{p.Key} generation {p.Value}"));

    public string? Observe(Observation observation)
    {
        switch (observation)
        {
            case VmTeardownStarted started:
                pending[started.Vm] = started.Generation;
                return null;
            case VmCreated created:
                pending.Remove(created.Vm);
                return null;
            default:
                return null;
        }
    }

    public void WriteCanonical(BinaryWriter writer)
    {
        writer.Write(pending.Count);
        foreach (var (vm, g) in pending)
        {
            writer.Write(vm);
            writer.Write(g);
        }
    }

    public IProperty Clone() => new TeardownCompletesProperty { pending = new(pending) };
}
