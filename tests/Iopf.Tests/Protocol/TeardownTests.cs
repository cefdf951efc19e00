using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Designs;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Parties;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Tests.Protocol;

/// <summary>
/// The steps of a VM teardown (world key teardown, issue 10 item 6) on TeardownWithFaultsOutstanding: the device stops
/// the function and acknowledges behind its writes, the driver answers the detached function's faults Invalid Request
/// and the drain once none is left, the reset forgets outstanding requests, and the VMM releases the old VM's memory
/// and hands the id to a new VM with scrubbed frames.
/// </summary>
public class TeardownTests
{
    [Fact]
    public void Only_a_world_with_the_key_destroys_a_vm_and_it_is_the_guests_own_step()
    {
        var (_, start) = World.Create(Config());
        Assert.Contains(new Envelope(Role.Guest, 0, new DestroyVm()), start.Sends);
        Assert.DoesNotContain(World.Create(WorldCatalog.Find("SingleFault")!.Config).Start.Sends, e => e.Message is DestroyVm);

        var world = World.Create(Config()).World;
        var r = world.Deliver(new Envelope(Role.Guest, 0, new DestroyVm()));
        Assert.Equal([new Envelope(Role.Vmm, 0, new TearDownVm(0))], r.Sends);
    }

    [Fact]
    public void A_stopped_function_acknowledges_on_the_link_and_drops_the_translations_still_coming()
    {
        var world = Issued();

        var stop = world.Deliver(new Envelope(Role.Device, 0, new StopDma(0)));
        Assert.Equal([new Envelope(Role.Link, 0, new DmaStopped(0))], stop.Sends);

        var late = Fault(world, job: 1);
        Assert.Equal([new PayloadRejected(world.Config.Payloads[1], "function 0 stopped for teardown")], late.Observations);
        Assert.Empty(late.Sends);
        Assert.Empty(world.Device.Outstanding);

        // Through the link the acknowledgement reaches the VMM behind the writes issued before it.
        Assert.Equal([new Envelope(Role.Vmm, 0, new DmaStopped(0))], world.Deliver(new Envelope(Role.Link, 0, new DmaStopped(0))).Sends);
    }

    [Fact]
    public void A_stop_acknowledged_around_the_link_can_overtake_the_functions_writes()
    {
        var world = Issued("StopAckOvertakesDma");
        var stop = world.Deliver(new Envelope(Role.Device, 0, new StopDma(0)));
        Assert.Equal([new Envelope(Role.Vmm, 0, new DmaStopped(0))], stop.Sends);
    }

    [Fact]
    public void The_stop_is_acknowledged_only_once_a_half_written_report_is_published()
    {
        var world = Issued();
        Fault(world, job: 1);

        Assert.Empty(world.Deliver(new Envelope(Role.Device, 0, new StopDma(0))).Sends);
        var finish = world.Deliver(new Envelope(Role.Device, 0, new FinishFaultReport(0)));

        Assert.Contains(finish.Observations, o => o is FaultRaised { Sequence: 0 });
        Assert.Contains(new Envelope(Role.Link, 0, new DmaStopped(0)), finish.Sends);
        Assert.Empty(world.Device.StopAckOwed);
    }

    [Fact]
    public void The_driver_answers_a_queued_fault_of_the_detached_function_invalid_and_the_drain_after_the_fault_in_hand()
    {
        var world = TwoFaultsPublished();
        world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));

        Assert.DoesNotContain(world.Deliver(new Envelope(Role.Driver, 0, new DrainFaults(0))).Sends, e => e.Message is FaultsDrained);

        world.Deliver(new Envelope(Role.Driver, 0, new PageReady(0, 1)));
        var done = world.Deliver(new Envelope(Role.Driver, 0, new CopyDone(0)));

        // Fault 0, in hand when the drain came, is completed as usual; fault 1 is answered Invalid Request unresolved.
        Assert.DoesNotContain(done.Sends, e => e.Message is ResolveFault);
        Assert.Equal([CompletionStatus.Success, CompletionStatus.InvalidRequest], Completions(world).Select(c => c.Status));
        Assert.Equal(new Envelope(Role.Vmm, 0, new FaultsDrained(0)), done.Sends[^1]);
        Assert.Empty(world.Driver.Draining);
        Assert.Null(world.Driver.Current);
    }

    [Fact]
    public void A_drain_with_nothing_of_the_function_left_is_answered_at_once()
    {
        var world = World.Create(Config()).World;
        var r = world.Deliver(new Envelope(Role.Driver, 0, new DrainFaults(0)));
        Assert.Equal([new Envelope(Role.Vmm, 0, new FaultsDrained(0))], r.Sends);
    }

    [Fact]
    public void A_driver_that_checks_only_when_asked_never_answers_a_drain_that_had_to_wait()
    {
        var world = TwoFaultsPublished("DrainWaiterNeverWoken");
        world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));
        world.Deliver(new Envelope(Role.Driver, 0, new DrainFaults(0)));
        world.Deliver(new Envelope(Role.Driver, 0, new PageReady(0, 1)));

        var done = world.Deliver(new Envelope(Role.Driver, 0, new CopyDone(0)));

        Assert.DoesNotContain(done.Sends, e => e.Message is FaultsDrained);
        Assert.Equal([0], world.Driver.Draining);
        Assert.Equal(2, Completions(world).Count);
    }

    [Fact]
    public void A_driver_that_discards_detached_faults_leaves_them_unanswered()
    {
        var world = TwoFaultsPublished("DetachedFaultsDiscarded");
        world.Deliver(new Envelope(Role.Driver, 0, new FaultInterrupt()));
        world.Deliver(new Envelope(Role.Driver, 0, new DrainFaults(0)));
        world.Deliver(new Envelope(Role.Driver, 0, new PageReady(0, 1)));

        var done = world.Deliver(new Envelope(Role.Driver, 0, new CopyDone(0)));

        Assert.Equal([CompletionStatus.Success], Completions(world).Select(c => c.Status));
        Assert.Equal(new Envelope(Role.Vmm, 0, new FaultsDrained(0)), done.Sends[^1]);
    }

    [Fact]
    public void The_function_reset_forgets_outstanding_requests_so_a_late_completion_frees_nothing()
    {
        var world = TwoFaultsPublished();

        var reset = world.Deliver(new Envelope(Role.Device, 0, new ResetFunction(0)));
        Assert.Equal([new Envelope(Role.Vmm, 0, new FunctionReset(0))], reset.Sends);
        Assert.Empty(world.Device.Outstanding);
        Assert.DoesNotContain(world.Device.Atc.Keys, k => k.Function == 0);

        world.Context.Pinned.CompletionQueue.TryPush(new CompletionDescriptor(true, CompletionStatus.InvalidRequest, 0, 0, 0, 0).Encode());
        var late = world.Deliver(new Envelope(Role.Device, 0, new CompletionDoorbell()));

        Assert.Contains(late.Observations, o => o is CompletionConsumed { Sequence: 0 });
        Assert.DoesNotContain(late.Observations, o => o is FaultBufferFreed or FaultNotified);
        Assert.True(world.Context.Pinned.Buffers.IsAllocated(0));
    }

    [Fact]
    public void The_iommu_detach_removes_every_translation_of_the_function()
    {
        var world = World.Create(Config()).World;
        Assert.Contains((0, 0UL), world.Iommu.Table.Keys);

        var r = world.Deliver(new Envelope(Role.Iommu, 0, new DetachFunction(0)));

        Assert.Empty(world.Iommu.Table);
        Assert.Equal([new Envelope(Role.Vmm, 0, new FunctionDetached(0))], r.Sends);
    }

    [Fact]
    public void The_vmm_releases_the_old_vms_frames_and_hands_the_id_to_a_new_vm_with_scrubbed_frames()
    {
        var world = World.Create(Config()).World;
        world.Context.Host.Frame(0).Write(0, 0); // P0 landed in vm0's present page

        var last = TearDownThroughEveryPhase(world);

        Assert.Equal(
            [new FrameReleased(0, 0, 0), new VmTornDown(0, 0), new VmCreated(0, 1)],
            last.Observations.Take(3));
        var handed = Assert.IsType<FrameAssigned>(last.Observations[3]);
        Assert.Equal((0, 0, 0UL), (handed.Frame, handed.Vm, handed.Page));
        Assert.Empty(handed.Content.Writes);
        Assert.Equal(new TeardownProgress(0, TeardownPhase.Done), world.Vmm.Teardown);
        Assert.Equal([1, 2], world.Vmm.FreeFrames);
    }

    [Fact]
    public void A_vmm_that_recycles_memory_in_place_hands_the_new_vm_the_old_bytes()
    {
        var world = World.Create(Config("RecycledVmGetsOldMemory")).World;
        world.Context.Host.Frame(0).Write(0, 0);

        var handed = Assert.IsType<FrameAssigned>(TearDownThroughEveryPhase(world).Observations[3]);

        Assert.Equal(0, handed.Content.At(0));
    }

    [Fact]
    public void Resetting_before_the_drain_skips_the_driver_and_an_acknowledgement_out_of_order_is_refused()
    {
        var world = World.Create(Config("FunctionReusedBeforeDrain")).World;
        world.Deliver(new Envelope(Role.Vmm, 0, new TearDownVm(0)));

        var stopped = world.Deliver(new Envelope(Role.Vmm, 0, new DmaStopped(0)));

        Assert.Equal([new Envelope(Role.Device, 0, new ResetFunction(0))], stopped.Sends);
        Assert.Throws<ProtocolStateException>(() => world.Deliver(new Envelope(Role.Vmm, 0, new FaultsDrained(0))));
    }

    [Fact]
    public void A_teardown_is_refused_where_it_is_not_modelled()
    {
        Assert.Contains("teardown: vm 1 is not in 0..0", (Config() with { TeardownVm = 1 }).Problems());
        Assert.Contains("teardown: modelled without evictions (pressurePerVm 0 and a host frame for every guest page)", (Config() with { PressurePerVm = 1 }).Problems());
        Assert.Contains("teardown: modelled for the Claimed design only, not DropOnFault", (Config() with { Design = DropOnFaultDesign.Instance }).Problems());
    }

    private static ModelConfig Config(string? mutant = null)
    {
        var definition = WorldCatalog.Find("TeardownWithFaultsOutstanding")!;
        return (mutant is null ? definition : definition.WithMutants([Mutant.Find(mutant)!])).Config;
    }

    /// <summary>The world with its three DMAs issued: P0 through the IOMMU to its present page, P1 and P2 waiting for their translations.</summary>
    private static World Issued(string? mutant = null)
    {
        var world = World.Create(Config(mutant)).World;
        for (var i = 0; i < world.Config.Payloads.Length; i++)
        {
            world.Deliver(new Envelope(Role.Device, 0, new IssueNextDma()));
        }

        return world;
    }

    /// <summary>The IOMMU answers DMA <paramref name="job"/> (to page <paramref name="job"/>): not present.</summary>
    private static StepResult Fault(World world, int job) =>
        world.Deliver(new Envelope(Role.Device, 0, new TranslationResponse(0, (ulong)job, job, null)));

    /// <summary>P1 and P2 faulted and reported: faults 0 and 1 in the IO page fault queue, in buffers 0 and 1.</summary>
    private static World TwoFaultsPublished(string? mutant = null)
    {
        var world = Issued(mutant);
        Fault(world, job: 1);
        world.Deliver(new Envelope(Role.Device, 0, new FinishFaultReport(0)));
        Fault(world, job: 2);
        world.Deliver(new Envelope(Role.Device, 0, new FinishFaultReport(1)));
        Assert.Equal(2, world.Context.Pinned.IopfQueue.Count);
        return world;
    }

    private static List<CompletionDescriptor> Completions(World world)
    {
        var ring = world.Context.Pinned.CompletionQueue;
        return [.. Enumerable.Range(0, ring.Count).Select(k => CompletionDescriptor.Decode(ring.SlotFromHead(k)))];
    }

    /// <summary>Runs the VMM's teardown of vm0, acknowledging each phase as its party would; returns the last step.</summary>
    private static StepResult TearDownThroughEveryPhase(World world)
    {
        world.Deliver(new Envelope(Role.Vmm, 0, new TearDownVm(0)));
        world.Deliver(new Envelope(Role.Vmm, 0, new DmaStopped(0)));
        world.Deliver(new Envelope(Role.Vmm, 0, new FaultsDrained(0)));
        world.Deliver(new Envelope(Role.Vmm, 0, new FunctionReset(0)));
        return world.Deliver(new Envelope(Role.Vmm, 0, new FunctionDetached(0)));
    }
}
