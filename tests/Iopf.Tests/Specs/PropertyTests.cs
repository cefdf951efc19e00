using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Observations;
using Iopf.Specs.Properties;

namespace Iopf.Tests.Specs;

public class PropertyTests
{
    private static readonly Payload P0 = new(0, 0, 0x0, 64);
    private static readonly Payload P1 = new(1, 0, 0x0, 64);

    private static string? Feed(IProperty property, params Observation[] observations) =>
        observations.Select(property.Observe).FirstOrDefault(v => v is not null);

    [Fact]
    public void NoPayloadLost_owes_an_accepted_payload_until_it_is_written()
    {
        var p = new NoPayloadLostProperty();
        Assert.Null(Feed(p, new PayloadAccepted(P0)));
        Assert.Contains("P0", p.Obligation);
        Assert.Null(Feed(p, new GuestWrite(0, 0x0, 1, 0, 64, WritePath.Copy)));
        Assert.Null(p.Obligation);
    }

    [Fact]
    public void NoPayloadLost_catches_a_page_that_comes_back_without_its_payload()
    {
        var p = new NoPayloadLostProperty();
        Feed(p, new PayloadAccepted(P0), new GuestWrite(0, 0x0, 1, 0, 64, WritePath.Dma));
        var verdict = p.Observe(new FrameAssigned(2, 0, 0, new PageContent()));
        Assert.Contains("P0", verdict);
        Assert.Contains("lost", verdict);

        var kept = new PageContent();
        kept.Write(0, 0);
        Assert.Null(p.Observe(new FrameAssigned(2, 0, 0, kept)));
    }

    [Fact]
    public void NoPayloadLost_reports_an_explicit_rejection_and_a_wrong_address()
    {
        var p = new NoPayloadLostProperty();
        Assert.Contains("rejected explicitly: drop design", Feed(p, new PayloadAccepted(P0), new PayloadRejected(P0, "drop design")));
        Assert.Null(p.Obligation);
        var q = new NoPayloadLostProperty();
        Assert.Contains("instead of its own GPA", Feed(q, new PayloadAccepted(P0), new GuestWrite(0, 0x40, 1, 0, 64, WritePath.Copy)));
    }

    [Fact]
    public void NoPayloadLost_accepts_a_rejection_only_for_a_payload_beyond_its_vms_memory()
    {
        var stray = new Payload(2, 0, 2 * 4096, 64);
        var p = new NoPayloadLostProperty();
        Assert.Null(Feed(p, new GuestMemory(0, 2), new PayloadAccepted(stray), new PayloadRejected(stray, "answered InvalidRequest")));
        Assert.Null(p.Obligation);

        // The same rejection of a payload inside the VM's memory is a loss, reported as such.
        var q = new NoPayloadLostProperty();
        Assert.Equal("P0(vm0@0x0+64) rejected explicitly: answered InvalidRequest", Feed(q, new GuestMemory(0, 2), new PayloadAccepted(P0), new PayloadRejected(P0, "answered InvalidRequest")));

        // A stray payload that is neither delivered nor rejected is still owed.
        var silent = new NoPayloadLostProperty();
        Assert.Null(Feed(silent, new GuestMemory(0, 2), new PayloadAccepted(stray)));
        Assert.Equal("never delivered: P2(vm0@0x2000+64)", silent.Obligation);
    }

    [Fact]
    public void CompletionAnswersOutstandingFault_matches_sequence_function_and_buffer()
    {
        FaultRaised Raised(int sequence, int vm, int buffer) => new(sequence, vm, 0x1000, buffer);
        CompletionConsumed Consumed(int sequence, int function, int buffer) => new(sequence, function, buffer, CompletionStatus.Success);

        Assert.Null(Feed(new CompletionAnswersOutstandingFaultProperty(), Raised(3, 1, 0), Consumed(3, 1, 0)));
        Assert.Equal(
            "the device consumed a completion for fault #4, which is not outstanding",
            Feed(new CompletionAnswersOutstandingFaultProperty(), Raised(3, 1, 0), Consumed(4, 1, 0)));
        Assert.Equal(
            "the completion of fault #3 names function 0, but the fault came from vm1",
            Feed(new CompletionAnswersOutstandingFaultProperty(), Raised(3, 1, 0), Consumed(3, 0, 0)));
        Assert.Equal(
            "the completion of fault #3 names fault buffer 1, but the fault was parked in buffer 0",
            Feed(new CompletionAnswersOutstandingFaultProperty(), Raised(3, 1, 0), Consumed(3, 1, 1)));

        // Answered once, a fault is no longer outstanding; a page request (buffer -1) has no buffer to match.
        Assert.Equal(
            "the device consumed a completion for fault #3, which is not outstanding",
            Feed(new CompletionAnswersOutstandingFaultProperty(), Raised(3, 1, 0), Consumed(3, 1, 0), Consumed(3, 1, 0)));
        Assert.Null(Feed(new CompletionAnswersOutstandingFaultProperty(), Raised(5, 0, -1), Consumed(5, 0, 0)));
    }

    [Fact]
    public void NoDoubleCopy_catches_a_second_write_and_a_stale_overwrite()
    {
        Assert.Contains("twice", Feed(new NoDoubleCopyProperty(), new GuestWrite(0, 0, 1, 0, 64, WritePath.Copy), new GuestWrite(0, 0, 1, 0, 64, WritePath.Copy)));
        Assert.Contains("stale overwrite", Feed(new NoDoubleCopyProperty(), new GuestWrite(0, 0, 1, 1, 64, WritePath.Dma), new GuestWrite(0, 0, 1, 0, 64, WritePath.Copy)));
        Assert.Null(Feed(new NoDoubleCopyProperty(), new GuestWrite(0, 0, 1, 0, 64, WritePath.Copy), new GuestWrite(0, 0, 1, 1, 64, WritePath.Dma)));
    }

    [Fact]
    public void EveryFaultCompleted_is_owed_from_raise_to_notification()
    {
        var p = new EveryFaultCompletedProperty();
        Feed(p, new FaultRaised(3, 0, 0x40, 1));
        Assert.Contains("fault #3", p.Obligation);
        Assert.Null(Feed(p, new FaultNotified(3)));
        Assert.Null(p.Obligation);
        Assert.Contains("not outstanding", Feed(p, new FaultNotified(3)));
    }

    [Fact]
    public void VmIsolation_catches_a_foreign_payload_and_a_stale_frame()
    {
        var owner = new FrameAssigned(1, 0, 0, new PageContent());
        Assert.Contains("reached vm1", Feed(new VmIsolationProperty(), new PayloadAccepted(P0), new GuestWrite(1, 0, 1, 0, 64, WritePath.Copy)));
        Assert.Contains("backs no guest page", Feed(new VmIsolationProperty(), new PayloadAccepted(P0), owner, new FrameReleased(1, 0, 0), new GuestWrite(0, 0, 1, 0, 64, WritePath.Dma)));
        Assert.Contains("now backs vm1:gpfn0", Feed(new VmIsolationProperty(), new PayloadAccepted(P0), new FrameAssigned(1, 1, 0, new PageContent()), new GuestWrite(0, 0, 1, 0, 64, WritePath.Dma)));
        Assert.Null(Feed(new VmIsolationProperty(), new PayloadAccepted(P0), owner, new GuestWrite(0, 0x40, 1, 0, 64, WritePath.Dma)));
    }

    [Fact]
    public void FaultBufferHeldUntilCopied_catches_early_free_reuse_and_a_wrong_copy()
    {
        Assert.Equal("fault buffer 0 freed before P0 was copied out of it", Feed(new FaultBufferHeldUntilCopiedProperty(), new FaultBufferStored(0, 0), new FaultBufferFreed(0)));
        Assert.Equal("fault buffer 0 reused for P1 while P0 was not yet copied out", Feed(new FaultBufferHeldUntilCopiedProperty(), new FaultBufferStored(0, 0), new FaultBufferStored(0, 1)));
        Assert.Equal("copy out of fault buffer 0 found P1 instead of P0", Feed(new FaultBufferHeldUntilCopiedProperty(), new FaultBufferStored(0, 0), new FaultBufferCopied(0, 1)));
        Assert.Null(Feed(new FaultBufferHeldUntilCopiedProperty(), new FaultBufferStored(0, 0), new FaultBufferCopied(0, 0), new FaultBufferFreed(0), new FaultBufferStored(0, 1)));
    }

    [Fact]
    public void FaultBufferHeldUntilCopied_concludes_a_double_free_from_neutral_facts()
    {
        // Stored, copied, freed: right. The same free again, with nothing stored in between, is the second.
        Assert.Equal(
            "fault buffer 1 freed twice (nothing was stored in it since it was last freed)",
            Feed(new FaultBufferHeldUntilCopiedProperty(), new FaultBufferStored(1, 4), new FaultBufferCopied(1, 4), new FaultBufferFreed(1), new FaultBufferFreed(1)));

        // A store in between makes the next free a new one (and it is judged as such: its payload was not copied).
        Assert.Equal(
            "fault buffer 1 freed before P5 was copied out of it",
            Feed(new FaultBufferHeldUntilCopiedProperty(), new FaultBufferStored(1, 4), new FaultBufferCopied(1, 4), new FaultBufferFreed(1), new FaultBufferStored(1, 5), new FaultBufferFreed(1)));

        // Freeing one buffer says nothing about another.
        Assert.Null(Feed(new FaultBufferHeldUntilCopiedProperty(), new FaultBufferStored(0, 4), new FaultBufferStored(1, 5), new FaultBufferCopied(0, 4), new FaultBufferFreed(0), new FaultBufferCopied(1, 5), new FaultBufferFreed(1)));
    }

    [Fact]
    public void FaultBufferHeldUntilCopied_lets_a_rejected_payloads_buffer_be_freed_uncopied()
    {
        var stray = new Payload(2, 0, 2 * 4096, 64);
        Assert.Null(Feed(new FaultBufferHeldUntilCopiedProperty(), new FaultBufferStored(0, 2), new PayloadRejected(stray, "answered InvalidRequest"), new FaultBufferFreed(0)));
    }

    [Fact]
    public void NoCrossVmDataLeak_catches_a_frame_handed_over_with_another_vms_bytes()
    {
        var dirty = new PageContent();
        dirty.Write(0x40, 1);

        // P1 was written for vm1; the frame that held it is handed to vm0's page without being cleared.
        Assert.Equal(
            "vm0:gpfn0 was handed host frame 2 holding P1 at +0x40, written for vm1 (the frame was not cleared)",
            Feed(new NoCrossVmDataLeakProperty(), new GuestWrite(1, 0x40, 2, 1, 64, WritePath.Dma), new FrameReleased(2, 1, 0), new FrameAssigned(2, 0, 0, dirty)));

        // The same bytes handed back to their own VM (a page swapped in) are no leak, nor is a cleared frame.
        Assert.Null(Feed(new NoCrossVmDataLeakProperty(), new GuestWrite(1, 0x40, 2, 1, 64, WritePath.Dma), new FrameAssigned(3, 1, 0, dirty)));
        Assert.Null(Feed(new NoCrossVmDataLeakProperty(), new GuestWrite(1, 0x40, 2, 1, 64, WritePath.Dma), new FrameAssigned(2, 0, 0, new PageContent())));
    }

    [Fact]
    public void NoCrossVmDataLeak_judges_whom_the_bytes_were_written_for_not_the_page_they_sit_at()
    {
        var held = new PageContent();
        held.Write(0, 7);

        // P7 written for vm0 (its page 1) and handed to vm0's page 0: the same VM's bytes, so no cross-VM leak.
        Assert.Null(Feed(new NoCrossVmDataLeakProperty(), new GuestWrite(0, 0x1000, 0, 7, 64, WritePath.Copy), new FrameAssigned(0, 0, 0, held)));

        // Bytes of a payload the property never saw written carry no owner it could judge.
        Assert.Null(Feed(new NoCrossVmDataLeakProperty(), new FrameAssigned(0, 1, 0, held)));
    }

    [Fact]
    public void NoCrossVmDataLeak_keeps_its_history_apart_in_a_clone()
    {
        var p = new NoCrossVmDataLeakProperty();
        var copy = p.Clone();
        Feed(p, new GuestWrite(1, 0, 0, 3, 64, WritePath.Dma));
        var dirty = new PageContent();
        dirty.Write(0, 3);
        Assert.Null(copy.Observe(new FrameAssigned(0, 0, 0, dirty)));
        Assert.NotNull(p.Observe(new FrameAssigned(0, 0, 0, dirty)));
    }

    [Fact]
    public void RingsDeliverEveryDescriptorInOrder_holds_for_pushes_read_in_order_across_the_counter_wrap()
    {
        Assert.Null(Feed(
            new RingsDeliverEveryDescriptorInOrderProperty(),
            Push("IopfQueue", uint.MaxValue, 10),
            Push("IopfQueue", 0, 11),
            Push("CompletionQueue", 7, 12),
            Read("IopfQueue", uint.MaxValue, 10),
            Read("CompletionQueue", 7, 12),
            Push("IopfQueue", 1, 13),
            Read("IopfQueue", 0, 11),
            Read("IopfQueue", 1, 13)));
    }

    [Fact]
    public void RingsDeliverEveryDescriptorInOrder_catches_an_overwrite_a_refused_push_and_a_skipped_index()
    {
        Assert.Equal(
            "ring IopfQueue: the descriptor pushed at index 4 was overwritten by the one pushed at index 6 before it was read",
            Feed(new RingsDeliverEveryDescriptorInOrderProperty(), Push("IopfQueue", 4, 1), Push("IopfQueue", 5, 2), Push("IopfQueue", 6, 3)));
        Assert.Equal(
            "ring IopfQueue was full when a descriptor was pushed at index 6: it is never delivered",
            Feed(new RingsDeliverEveryDescriptorInOrderProperty(), new QueuePush("IopfQueue", 6, 2, 3, RingFull: true)));
        Assert.Equal(
            "ring CompletionQueue: a descriptor was pushed at index 3, but the last one still unread is at index 1",
            Feed(new RingsDeliverEveryDescriptorInOrderProperty(), Push("CompletionQueue", 1, 1), Push("CompletionQueue", 3, 2)));
    }

    [Fact]
    public void RingsDeliverEveryDescriptorInOrder_catches_a_read_ahead_of_the_producer_out_of_order_or_of_another_descriptor()
    {
        Assert.Equal(
            "ring FaultBufferQueue: the consumer expected a descriptor at index 0 and none was published there",
            Feed(new RingsDeliverEveryDescriptorInOrderProperty(), new DescriptorRead("FaultBufferQueue", 0, null)));
        Assert.Equal(
            "ring IopfQueue: index 1 was read while the older index 0 was still unread",
            Feed(new RingsDeliverEveryDescriptorInOrderProperty(), Push("IopfQueue", 0, 1), Push("IopfQueue", 1, 2), Read("IopfQueue", 1, 2)));
        Assert.Equal(
            "ring IopfQueue: index 0 held another descriptor than the one pushed there",
            Feed(new RingsDeliverEveryDescriptorInOrderProperty(), Push("IopfQueue", 0, 1), Read("IopfQueue", 0, 9)));
        Assert.Equal(
            "ring IopfQueue: index 0 was read, but no unread descriptor was pushed there",
            Feed(new RingsDeliverEveryDescriptorInOrderProperty(), Push("IopfQueue", 0, 1), Read("IopfQueue", 0, 1), Read("IopfQueue", 0, 1)));
    }

    [Fact]
    public void RingsDeliverEveryDescriptorInOrder_checks_that_a_fault_is_read_with_its_own_buffer_location()
    {
        UInt128 Fault(int sequence) => new FaultDescriptor(true, true, false, 0, 0x100, sequence, 0, 64, 0).Encode();
        UInt128 Location(int sequence) => new BufferLocationDescriptor(true, 0, sequence, 64, 0x10_0000).Encode();
        QueuePush[] published = [Push("FaultBufferQueue", 0, Location(3)), Push("IopfQueue", 0, Fault(3)), Push("FaultBufferQueue", 1, Location(4)), Push("IopfQueue", 1, Fault(4))];

        Assert.Null(Feed(
            new RingsDeliverEveryDescriptorInOrderProperty(),
            [.. published, Read("IopfQueue", 0, Fault(3)), Read("FaultBufferQueue", 0, Location(3)), Read("IopfQueue", 1, Fault(4)), Read("FaultBufferQueue", 1, Location(4))]));
        Assert.Equal(
            "ring FaultBufferQueue: the buffer location read with fault #4 is fault #3's",
            Feed(
                new RingsDeliverEveryDescriptorInOrderProperty(),
                Push("FaultBufferQueue", 0, Location(3)),
                Push("IopfQueue", 0, Fault(4)),
                Read("IopfQueue", 0, Fault(4)),
                Read("FaultBufferQueue", 0, Location(3))));
    }

    [Fact]
    public void RingsDeliverEveryDescriptorInOrder_encodes_a_drained_ring_like_one_never_used()
    {
        var used = new RingsDeliverEveryDescriptorInOrderProperty();
        Feed(used, Push("CompletionQueue", 0, 1), Read("CompletionQueue", 0, 1));
        Assert.Equal(Canonical(new RingsDeliverEveryDescriptorInOrderProperty()), Canonical(used));

        var copy = used.Clone();
        Feed(used, Push("CompletionQueue", 1, 2));
        Assert.NotEqual(Canonical(copy), Canonical(used));
        Assert.Null(Feed(copy, Push("CompletionQueue", 1, 3), Read("CompletionQueue", 1, 3)));
    }

    private static QueuePush Push(string queue, uint index, UInt128 descriptor) => new(queue, index, 2, descriptor, RingFull: false);

    private static DescriptorRead Read(string queue, uint index, UInt128 descriptor) => new(queue, index, descriptor);

    private static byte[] Canonical(IProperty property)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            property.WriteCanonical(writer);
        }

        return stream.ToArray();
    }

    [Fact]
    public void A_cloned_property_keeps_its_own_history()
    {
        var p = new EveryFaultCompletedProperty();
        Feed(p, new FaultRaised(1, 0, 0, 0));
        var copy = p.Clone();
        Feed(p, new FaultNotified(1));
        Assert.Null(p.Obligation);
        Assert.NotNull(copy.Obligation);
    }
}
