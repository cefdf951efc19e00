using Iopf.Worlds;
using Iopf.Models.Entry;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;

namespace Iopf.Tests.Protocol;

/// <summary>
/// The context records which shared memory a step reached, and can copy a memory on first use: the exhaustive
/// explorer reuses a step's outcome across states on the strength of both, so both must be exact.
/// </summary>
public class ProtocolContextTests
{
    [Fact]
    public void A_step_that_reaches_no_shared_memory_records_none()
    {
        var (world, _) = World.Create(WorldCatalog.Find("SingleFault")!.Config);
        var context = ProtocolContext.CopyOnFirstUse(world.Config, world.Context.Pinned, world.Context.Host);
        World.Step(new Envelope(Role.Iommu, 0, new TranslationRequest(0, 0, 0)), world.Iommu.Clone(), context);
        Assert.Equal(SharedMemory.None, context.Reached);
    }

    [Fact]
    public void A_step_that_writes_pinned_memory_writes_a_copy_and_records_it()
    {
        var (world, start) = World.Create(WorldCatalog.Find("SingleFault")!.Config);
        var original = world.Context.Pinned;
        var device = world.Device.Clone();
        var context = ProtocolContext.CopyOnFirstUse(world.Config, original, world.Context.Host);

        // Drive the device through its fault: the DMA, the ATS miss, the fault report into the pinned rings.
        var pending = new Queue<Envelope>(start.Sends.Where(e => e.To == Role.Device));
        var iommu = world.Iommu.Clone();
        for (var steps = 0; pending.Count > 0 && steps < 10; steps++)
        {
            var envelope = pending.Dequeue();
            var party = envelope.To == Role.Device ? (object)device : iommu;
            foreach (var sent in World.Step(envelope, party, context).Sends.Where(e => e.To is Role.Device or Role.Iommu))
            {
                pending.Enqueue(sent);
            }
        }

        Assert.True(context.Reached.HasFlag(SharedMemory.Pinned));
        Assert.NotSame(original, context.Pinned);
        Assert.Equal(1, context.Pinned.Buffers.InUse);
        Assert.Equal(0, original.Buffers.InUse);
        Assert.True(original.IopfQueue.IsEmpty);
    }

    [Fact]
    public void A_plain_context_hands_out_the_worlds_own_memories()
    {
        var (world, _) = World.Create(WorldCatalog.Find("SingleFault")!.Config);
        var pinned = world.Context.Pinned;
        Assert.Same(pinned, world.Context.Pinned);
        Assert.Equal(SharedMemory.Pinned, world.Context.Reached);
    }
}
