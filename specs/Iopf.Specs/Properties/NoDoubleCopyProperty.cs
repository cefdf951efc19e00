using System.Collections.Frozen;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// No double copy: a payload is written into guest memory at most once, and never over a newer payload to
/// the same GPA (payload ids grow in issue order, so a smaller id is older).
/// </summary>
public sealed class NoDoubleCopyProperty : IProperty
{
    private SortedSet<int> written = [];
    private SortedDictionary<(int Vm, ulong Gpa), int> last = [];

    public string Name => "NoDoubleCopy";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(GuestWrite) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation => null;

    public string? Observe(Observation observation)
    {
        if (observation is not GuestWrite w)
        {
            return null;
        }

        if (!written.Add(w.PayloadId))
        {
            return $"P{w.PayloadId} was written into guest memory twice (again by {w.Path} to vm{w.Vm}@0x{w.Gpa:x})";
        }

        var key = (w.Vm, w.Gpa);
        if (last.TryGetValue(key, out var newer) && newer > w.PayloadId)
        {
            return $"stale overwrite: older P{w.PayloadId} ({w.Path}) overwrote newer P{newer} at vm{w.Vm}@0x{w.Gpa:x}";
        }

        last[key] = w.PayloadId;
        return null;
    }

    public void WriteCanonical(BinaryWriter writer)
    {
        writer.Write(written.Count);
        foreach (var id in written)
        {
            writer.Write(id);
        }

        writer.Write(last.Count);
        foreach (var ((vm, gpa), id) in last)
        {
            writer.Write(vm);
            writer.Write(gpa);
            writer.Write(id);
        }
    }

    public IProperty Clone() => new NoDoubleCopyProperty { written = new(written), last = new(last) };
}
