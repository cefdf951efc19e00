using Iopf.Protocol.Memory;
using Iopf.Protocol.Observations;
using Iopf.Specs.Properties;

namespace Iopf.Tests.Specs;

/// <summary>The properties of a VM teardown, judged on hand-made fact streams, and what the teardown changes for the older ones.</summary>
public class TeardownPropertyTests
{
    private static readonly Payload P0 = new(0, 0, 0x0, 64);
    private static readonly Payload P1 = new(1, 0, 0x1000, 64);

    private static string? Feed(IProperty property, params Observation[] observations) =>
        observations.Select(property.Observe).FirstOrDefault(v => v is not null);

    [Fact]
    public void NothingReachesARecycledVm_catches_an_old_payload_written_into_a_frame_of_the_new_generation()
    {
        Assert.Equal(
            "P1 of vm0 generation 0 reached vm0 generation 1 in host frame 2 at 0x1000 (Copy): the VM id was reused while the old VM's data was still on its way",
            Feed(new NothingReachesARecycledVmProperty(), new PayloadAccepted(P1), new VmTornDown(0, 0), new VmCreated(0, 1), new FrameAssigned(2, 0, 1, new PageContent()), new GuestWrite(0, 0x1000, 2, 1, 64, WritePath.Copy)));

        // The same write before the id was reused lands in the old VM's own frame: no verdict.
        Assert.Null(Feed(new NothingReachesARecycledVmProperty(), new PayloadAccepted(P1), new FrameAssigned(2, 0, 1, new PageContent()), new GuestWrite(0, 0x1000, 2, 1, 64, WritePath.Copy)));

        // Into a frame that backs no page at all it is VmIsolation's verdict, not this one's.
        Assert.Null(Feed(new NothingReachesARecycledVmProperty(), new PayloadAccepted(P1), new FrameAssigned(2, 0, 1, new PageContent()), new FrameReleased(2, 0, 1), new VmCreated(0, 1), new GuestWrite(0, 0x1000, 2, 1, 64, WritePath.Dma)));
    }

    [Fact]
    public void NothingReachesARecycledVm_catches_a_frame_handed_to_the_new_generation_with_the_old_ones_bytes()
    {
        var dirty = new PageContent();
        dirty.Write(0, 0);
        Assert.Equal(
            "vm0:gpfn0 of generation 1 was handed host frame 0 holding P0 of generation 0 at +0x0 (the old VM's frame was not cleared)",
            Feed(new NothingReachesARecycledVmProperty(), new PayloadAccepted(P0), new GuestWrite(0, 0, 0, 0, 64, WritePath.Dma), new FrameReleased(0, 0, 0), new VmCreated(0, 1), new FrameAssigned(0, 0, 0, dirty)));

        // Handed back to the same generation (a page swapped in) the bytes are its own; a cleared frame holds none.
        Assert.Null(Feed(new NothingReachesARecycledVmProperty(), new PayloadAccepted(P0), new FrameAssigned(0, 0, 0, dirty)));
        Assert.Null(Feed(new NothingReachesARecycledVmProperty(), new PayloadAccepted(P0), new VmCreated(0, 1), new FrameAssigned(0, 0, 0, new PageContent())));
    }

    [Fact]
    public void NoFaultBufferLeaks_judges_the_buffers_still_held_when_the_teardown_completes()
    {
        Assert.Equal(
            "the teardown of vm0 generation 0 completed with fault buffer 1 still holding P1 (never freed: leaked)",
            Feed(new NoFaultBufferLeaksProperty(), new PayloadAccepted(P0), new PayloadAccepted(P1), new FaultBufferStored(0, 0), new FaultBufferStored(1, 1), new FaultBufferFreed(0), new VmTornDown(0, 0)));

        Assert.Null(Feed(new NoFaultBufferLeaksProperty(), new PayloadAccepted(P1), new FaultBufferStored(1, 1), new FaultBufferFreed(1), new VmTornDown(0, 0)));

        // A buffer of another VM may still be in use.
        var other = new Payload(2, 1, 0x0, 64);
        Assert.Null(Feed(new NoFaultBufferLeaksProperty(), new PayloadAccepted(other), new FaultBufferStored(0, 2), new VmTornDown(0, 0)));
    }

    [Fact]
    public void TeardownCompletes_is_owed_from_the_start_of_a_teardown_until_the_id_is_reused()
    {
        var p = new TeardownCompletesProperty();
        Assert.Null(p.Obligation);
        Assert.Null(Feed(p, new VmTeardownStarted(0, 0), new VmTornDown(0, 0)));
        Assert.Equal("teardown never completed: vm0 generation 0", p.Obligation);
        Assert.Null(Feed(p, new VmCreated(0, 1)));
        Assert.Null(p.Obligation);
    }

    [Fact]
    public void NoPayloadLost_lets_a_payload_of_a_vm_being_torn_down_be_rejected_and_forgets_the_vm_once_it_is_gone()
    {
        var p = new NoPayloadLostProperty();
        Assert.Null(Feed(p, new PayloadAccepted(P0), new PayloadAccepted(P1), new VmTeardownStarted(0, 0), new PayloadRejected(P1, "answered InvalidRequest")));
        Assert.Equal("never delivered: P0(vm0@0x0+64)", p.Obligation);

        // Once the VM is gone its payloads are no longer owed, and its memory no longer held to them.
        Assert.Null(Feed(p, new VmTornDown(0, 0)));
        Assert.Null(p.Obligation);

        var q = new NoPayloadLostProperty();
        Feed(q, new PayloadAccepted(P0), new GuestWrite(0, 0, 0, 0, 64, WritePath.Dma), new VmTeardownStarted(0, 0), new VmTornDown(0, 0));
        Assert.Null(q.Observe(new FrameAssigned(0, 0, 0, new PageContent())));
    }

    [Fact]
    public void EveryFaultCompleted_stops_owing_the_faults_of_a_vm_once_it_is_torn_down()
    {
        var p = new EveryFaultCompletedProperty();
        Feed(p, new FaultRaised(0, 0, 0x0, 0), new FaultRaised(1, 1, 0x0, 1), new VmTornDown(0, 0));
        Assert.Equal("never completed: fault #1 (vm1@0x0, buffer 1)", p.Obligation);
    }

    [Fact]
    public void The_teardown_properties_keep_their_own_history_in_a_clone()
    {
        var original = new NothingReachesARecycledVmProperty();
        Feed(original, new PayloadAccepted(P1));
        var clone = original.Clone();
        Feed(clone, new VmCreated(0, 1), new FrameAssigned(2, 0, 1, new PageContent()));

        Assert.NotNull(clone.Observe(new GuestWrite(0, 0x1000, 2, 1, 64, WritePath.Copy)));
        Assert.Null(original.Observe(new GuestWrite(0, 0x1000, 2, 1, 64, WritePath.Copy)));
    }
}
