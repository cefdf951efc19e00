using System.Collections.Frozen;
using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// No payload lost: every payload the device accepted reaches its VM's memory at its GPA, exactly as sent,
/// and stays there: a page that comes back from the backing store still holds the newest payload written to
/// each of its addresses. A design that rejects a payload explicitly (drop / abort on fault) is reported
/// with that verdict: the payload is lost, though not silently. A payload aimed beyond its VM's memory (a
/// GPA the VM does not own, as the initial memory map says) has nowhere to go: for it, an explicit
/// rejection is the only right outcome, and silence is still a loss. A payload of a VM whose teardown has started
/// (VmTeardownStarted) may be rejected explicitly too: the VM it was for is going away. It must still be delivered or
/// rejected, never dropped in silence, while the VM exists; once it is gone (VmTornDown) its payloads have nowhere to go
/// and its memory is no longer held to them (a buffer one still holds is NoFaultBufferLeaks' verdict).
/// </summary>
public sealed class NoPayloadLostProperty : IProperty
{
    private SortedDictionary<int, Payload> accepted = [];
    private SortedSet<int> undelivered = [];
    private SortedDictionary<(int Vm, ulong Gpa), int> newest = [];

    // VMs whose teardown has started: their payloads may end in an explicit rejection.
    private SortedSet<int> tearingDown = [];

    // Each VM's page count, from the start facts. Not part of the canonical state: it is the same in every state of a run.
    private SortedDictionary<int, int> guestPages = [];

    public string Name => "NoPayloadLost";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(GuestMemory), typeof(PayloadAccepted), typeof(PayloadRejected), typeof(GuestWrite), typeof(FrameAssigned), typeof(VmTeardownStarted), typeof(VmTornDown) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation =>
        undelivered.Count == 0 ? null : "never delivered: " + string.Join(", ", undelivered.Select(id => accepted[id].ToString()));

    public string? Observe(Observation observation)
    {
        switch (observation)
        {
            case PayloadAccepted a:
                accepted[a.Payload.Id] = a.Payload;
                undelivered.Add(a.Payload.Id);
                return null;
            case GuestMemory memory:
                guestPages[memory.Vm] = memory.Pages;
                return null;
            case PayloadRejected rejected:
                undelivered.Remove(rejected.Payload.Id);
                return BeyondGuestMemory(rejected.Payload) || tearingDown.Contains(rejected.Payload.Vm) ? null : $"{rejected.Payload} rejected explicitly: {rejected.Reason}";
            case VmTeardownStarted started:
                tearingDown.Add(started.Vm);
                return null;
            case VmTornDown torn:
                foreach (var key in newest.Keys.Where(k => k.Vm == torn.Vm).ToList())
                {
                    newest.Remove(key);
                }

                undelivered.RemoveWhere(id => accepted[id].Vm == torn.Vm);

                return null;
            case GuestWrite w:
                return OnWrite(w);
            case FrameAssigned f:
                return OnPageBack(f);
            default:
                return null;
        }
    }

    private bool BeyondGuestMemory(Payload p) =>
        guestPages.TryGetValue(p.Vm, out var pages) && p.Page(ModelConfig.PageSize) >= (ulong)pages;

    private string? OnWrite(GuestWrite w)
    {
        if (!accepted.TryGetValue(w.PayloadId, out var p) || p.Vm != w.Vm)
        {
            return null; // a payload in the wrong VM is VmIsolation's verdict
        }

        if (p.Gpa != w.Gpa)
        {
            return $"{p} was written to 0x{w.Gpa:x} instead of its own GPA";
        }

        if (p.Length != w.Length)
        {
            return $"{p} arrived with {w.Length} bytes instead of {p.Length}";
        }

        undelivered.Remove(p.Id);
        var key = (p.Vm, p.Gpa);
        newest[key] = newest.TryGetValue(key, out var old) ? Math.Max(old, p.Id) : p.Id;
        return null;
    }

    private string? OnPageBack(FrameAssigned f)
    {
        var pageStart = f.Page * ModelConfig.PageSize;
        foreach (var ((vm, gpa), id) in newest)
        {
            if (vm != f.Vm || gpa < pageStart || gpa >= pageStart + ModelConfig.PageSize)
            {
                continue;
            }

            var found = f.Content.At(gpa - pageStart);
            if (found != id)
            {
                var what = found is { } other ? $"P{other}" : "nothing";
                return $"{accepted[id]} is lost: page vm{vm}:gpfn{f.Page} came back into frame {f.Frame} holding {what} at 0x{gpa:x}";
            }
        }

        return null;
    }

    public void WriteCanonical(BinaryWriter writer)
    {
        // The accepted payloads are the configuration's, named by id.
        writer.Write(accepted.Count);
        foreach (var id in accepted.Keys)
        {
            writer.Write(id);
        }

        writer.Write(undelivered.Count);
        foreach (var id in undelivered)
        {
            writer.Write(id);
        }

        writer.Write(newest.Count);
        foreach (var ((vm, gpa), id) in newest)
        {
            writer.Write(vm);
            writer.Write(gpa);
            writer.Write(id);
        }

        writer.Write(tearingDown.Count);
        foreach (var vm in tearingDown)
        {
            writer.Write(vm);
        }
    }

    public IProperty Clone() => new NoPayloadLostProperty
    {
        accepted = new(accepted),
        undelivered = new(undelivered),
        newest = new(newest),
        tearingDown = new(tearingDown),
        guestPages = guestPages,
    };
}
