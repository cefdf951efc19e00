using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The teardown of a VM and the reuse of its function and VM id (issue 10, item 6), as Linux orders it for a PASID or a
/// device being detached: the device driver stops the function's DMA, the IO page fault queue is drained of the
/// function's faults, each answered Invalid Request (intel_iommu_drain_pasid_prq(), iopf_queue_remove_device()), the
/// function is reset (an FLR discards whatever page requests it still has outstanding), its translations are removed,
/// and only then are its frames released and the VM id handed to a new VM. Each phase is its own step and waits for
/// the acknowledgement of the one before, so everything else in flight races it.
/// </summary>
public static partial class Vmm
{
    /// <summary>The generation of every VM at the start of a run.</summary>
    public const int OldGeneration = 0;

    /// <summary>The generation of the VM that reuses a torn-down VM's id (one teardown per run).</summary>
    public const int NewGeneration = 1;

    private static void OnTeardown(VmmState s, ProtocolContext ctx, Message message, StepResult r)
    {
        switch (message)
        {
            case TearDownVm t:
                s.Teardown = new TeardownProgress(t.Vm, TeardownPhase.StoppingDma);
                r.Observe(new VmTeardownStarted(t.Vm, OldGeneration));
                r.Send(Role.Device, new StopDma(t.Vm));
                break;
            case DmaStopped stopped when ctx.Rules.TeardownOrder == TeardownOrder.DrainThenReset:
                Advance(s, stopped.Function, TeardownPhase.StoppingDma, TeardownPhase.DrainingFaults);
                r.Send(Role.Driver, new DrainFaults(stopped.Function));
                break;
            case DmaStopped stopped:
                // The bug: the faults of the old VM still queued are left for the driver to handle after the reuse.
                Advance(s, stopped.Function, TeardownPhase.StoppingDma, TeardownPhase.ResettingFunction);
                r.Send(Role.Device, new ResetFunction(stopped.Function));
                break;
            case FaultsDrained drained:
                Advance(s, drained.Function, TeardownPhase.DrainingFaults, TeardownPhase.ResettingFunction);
                r.Send(Role.Device, new ResetFunction(drained.Function));
                break;
            case FunctionReset reset:
                Advance(s, reset.Function, TeardownPhase.ResettingFunction, TeardownPhase.Detaching);
                r.Send(Role.Iommu, new DetachFunction(reset.Function));
                break;
            case FunctionDetached detached:
                Advance(s, detached.Function, TeardownPhase.Detaching, TeardownPhase.Done);
                var oldFrames = ReleaseMemory(s, detached.Function, r);
                r.Observe(new VmTornDown(detached.Function, OldGeneration));
                r.Observe(new VmCreated(detached.Function, NewGeneration));
                CreateMemory(s, ctx, detached.Function, oldFrames, r);
                break;
        }
    }

    private static void Advance(VmmState s, int vm, TeardownPhase from, TeardownPhase to)
    {
        if (s.Teardown is not { } t || t.Vm != vm || t.Phase != from)
        {
            throw new ProtocolStateException($"vmm: teardown of vm{vm} acknowledged out of order (expected {from}, at {s.Teardown?.Phase.ToString() ?? "none"})");
        }

        s.Teardown = t with { Phase = to };
    }

    /// <summary>
    /// The old VM's memory goes: every frame it held is released (its bytes stay until the frame is handed over and
    /// cleared, as on eviction) and its backing store dropped. The new VM starts with every page not present.
    /// </summary>
    private static SortedDictionary<GuestPage, int> ReleaseMemory(VmmState s, int vm, StepResult r)
    {
        var released = new SortedDictionary<GuestPage, int>();
        foreach (var (page, entry) in s.Pages.Where(kv => kv.Key.Vm == vm).ToList())
        {
            if (entry.Frame is { } frame)
            {
                s.FreeFrames.Add(frame);
                released[page] = frame;
                r.Observe(new FrameReleased(frame, vm, page.Page));
            }

            s.Pages[page] = new PageEntry(null, false);
            s.Swap.Remove(page);
        }

        return released;
    }

    /// <summary>
    /// The new VM's memory map: the pages the world starts present get a frame each (as at the start of the run), every
    /// other page starts not present. Its IOMMU translations are not installed here: the new VM issues no DMA in this
    /// model, and a translation would only be asked for by one.
    /// </summary>
    private static void CreateMemory(VmmState s, ProtocolContext ctx, int vm, SortedDictionary<GuestPage, int> oldFrames, StepResult r)
    {
        foreach (var page in ctx.Config.InitiallyResident.Distinct().Where(p => p.Vm == vm).Order())
        {
            int frame;
            if (ctx.Rules.RecycledVmMemory == RecycledVmMemory.OldFramesAsTheyAre && oldFrames.TryGetValue(page, out var old))
            {
                frame = old; // the bug: handed over as it is
            }
            else
            {
                frame = s.FreeFrames.Min;
                ctx.Host.ZeroFill(frame);
            }

            s.FreeFrames.Remove(frame);
            s.Pages[page] = new PageEntry(frame, false);
            r.Observe(new FrameAssigned(frame, vm, page.Page, ctx.Host.Frame(frame).Clone()));
        }
    }
}
