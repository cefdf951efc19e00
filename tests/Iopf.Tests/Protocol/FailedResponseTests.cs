using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Parties;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Tests.Protocol;

/// <summary>
/// Responses that can fail (PCIe PRI response codes): a fault the VMM cannot back is answered Invalid Request
/// and ends in a reported rejection; the device matches a completion field by field against its own
/// outstanding fault, and one that matches none is discarded, not an exception.
/// </summary>
public class FailedResponseTests
{
    [Fact]
    public void A_dma_beyond_guest_memory_is_answered_invalid_request_and_rejected_explicitly()
    {
        var (world, observed) = RunFifo(WorldCatalog.Find("StrayDmaBeyondGuestMemory")!.Config);

        var stray = Assert.Single(observed.OfType<PayloadRejected>());
        Assert.Equal(new Payload(1, 0, 0x2000, 64), stray.Payload);
        Assert.Equal("its fault #1 was answered InvalidRequest", stray.Reason);
        Assert.Equal(
            [(0, CompletionStatus.Success), (1, CompletionStatus.InvalidRequest), (2, CompletionStatus.Success)],
            observed.OfType<CompletionConsumed>().Select(c => (c.Sequence, c.Status)));
        Assert.Equal([0, 2], observed.OfType<GuestWrite>().Select(w => w.PayloadId));
        Assert.Empty(world.Device.Outstanding);
        Assert.Equal(0, world.Context.Pinned.Buffers.InUse);
        Assert.Equal(2, world.Vmm.Copies);
    }

    [Fact]
    public void The_vmm_answers_page_unavailable_for_a_page_no_vm_has_and_goes_on()
    {
        var (world, _) = World.Create(WorldCatalog.Find("StrayDmaBeyondGuestMemory")!.Config);
        var step = world.Deliver(new Envelope(Role.Vmm, 0, new ResolveFault(7, 0, 2)));
        Assert.Equal([new Envelope(Role.Driver, 0, new PageUnavailable(7))], step.Sends);
        Assert.Null(world.Vmm.Current);
    }

    [Fact]
    public void The_device_discards_a_completion_whose_function_is_not_its_faults()
    {
        var (world, _) = World.Create(WorldCatalog.Find("SingleFault")!.Config);
        var payload = world.Config.Payloads[0];
        world.Device.Outstanding[0] = new OutstandingFault(0, payload, 0, 0);
        var wrongFunction = new CompletionDescriptor(true, CompletionStatus.Success, 1, 0, 0, 0);
        world.Context.Pinned.CompletionQueue.TryPush(wrongFunction.Encode());

        var step = world.Deliver(new Envelope(Role.Device, 0, new CompletionDoorbell()));

        Assert.Equal([new DescriptorRead(PinnedMemory.CompletionQueueName, 0, wrongFunction.Encode()), new CompletionConsumed(0, 1, 0, CompletionStatus.Success)], step.Observations);
        Assert.Empty(step.Sends);
        Assert.True(world.Device.Outstanding.ContainsKey(0), "the fault stays outstanding");
    }

    [Fact]
    public void A_completion_naming_the_next_fault_is_a_verdict_and_leaves_the_fault_outstanding()
    {
        var config = WorldCatalog.Find("SingleFault")!.WithMutants([Mutant.Find("CompletionNamesWrongFault")!]).Config;
        var (world, observed) = RunFifo(config);
        Assert.Equal([new CompletionConsumed(1, 0, 0, CompletionStatus.Success)], observed.OfType<CompletionConsumed>());
        Assert.Empty(observed.OfType<FaultNotified>());
        Assert.True(world.Device.Outstanding.ContainsKey(0));
        Assert.Equal(1, world.Context.Pinned.Buffers.InUse);

        var reference = Iopf.Models.Designs.ReferenceRun.Run(config);
        Assert.Equal("CompletionAnswersOutstandingFault", reference.Verdict?.Property);
        Assert.Equal("the device consumed a completion for fault #1, which is not outstanding", reference.Verdict?.Sentence);
    }

    /// <summary>The FIFO schedule (every message in send order), with every observation it made.</summary>
    private static (World World, List<Observation> Observed) RunFifo(Iopf.Protocol.Configuration.ModelConfig config)
    {
        var (world, start) = World.Create(config);
        var observed = new List<Observation>(start.Observations);
        var pending = new Queue<Envelope>(start.Sends);
        for (var steps = 0; pending.Count > 0; steps++)
        {
            Assert.True(steps < 10_000, "the FIFO schedule must come to rest");
            var step = world.Deliver(pending.Dequeue());
            observed.AddRange(step.Observations);
            foreach (var e in step.Sends)
            {
                pending.Enqueue(e);
            }
        }

        return (world, observed);
    }
}
