using System.Collections.Frozen;
using Iopf.Protocol.Configuration;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// VM isolation: no payload reaches a VM other than its own, and no write lands in a host frame that does
/// not, at that moment, back the guest page it was meant for (a stale ATC entry after eviction, a copy into
/// a frame already given back or handed to another VM).
/// </summary>
public sealed class VmIsolationProperty : IProperty
{
    private SortedDictionary<int, int> payloadVm = [];
    private SortedDictionary<int, GuestPage> owner = [];

    public string Name => "VmIsolation";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(PayloadAccepted), typeof(FrameAssigned), typeof(FrameReleased), typeof(GuestWrite) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation => null;

    public string? Observe(Observation observation)
    {
        switch (observation)
        {
            case PayloadAccepted a:
                payloadVm[a.Payload.Id] = a.Payload.Vm;
                return null;
            case FrameAssigned f:
                owner[f.Frame] = new GuestPage(f.Vm, f.Page);
                return null;
            case FrameReleased f:
                owner.Remove(f.Frame);
                return null;
            case GuestWrite w:
                return OnWrite(w);
            default:
                return null;
        }
    }

    private string? OnWrite(GuestWrite w)
    {
        if (payloadVm.TryGetValue(w.PayloadId, out var vm) && vm != w.Vm)
        {
            return $"P{w.PayloadId} of vm{vm} reached vm{w.Vm} at 0x{w.Gpa:x} ({w.Path})";
        }

        var target = new GuestPage(w.Vm, w.Gpa / ModelConfig.PageSize);
        if (!owner.TryGetValue(w.Frame, out var actual))
        {
            return $"P{w.PayloadId} ({w.Path}) for {target} hit host frame {w.Frame}, which backs no guest page any more (stale translation)";
        }

        if (actual != target)
        {
            return $"P{w.PayloadId} ({w.Path}) for {target} hit host frame {w.Frame}, which now backs {actual} (stale translation)";
        }

        return null;
    }

    public void WriteCanonical(BinaryWriter writer)
    {
        writer.Write(payloadVm.Count);
        foreach (var (id, vm) in payloadVm)
        {
            writer.Write(id);
            writer.Write(vm);
        }

        writer.Write(owner.Count);
        foreach (var (frame, page) in owner)
        {
            writer.Write(frame);
            writer.Write(page.Vm);
            writer.Write(page.Page);
        }
    }

    public IProperty Clone() => new VmIsolationProperty { payloadVm = new(payloadVm), owner = new(owner) };
}
