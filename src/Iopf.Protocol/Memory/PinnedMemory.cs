using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Protocol.Queues;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Memory;

/// <summary>
/// The pinned memory the device and the driver share: the fault buffers, the three rings and the IO page fault
/// queue's interrupt line.
/// Pinned, so neither party can fault on it.
/// </summary>
public sealed class PinnedMemory
{
    public const string IopfQueueName = "IopfQueue";
    public const string FaultBufferQueueName = "FaultBufferQueue";
    public const string CompletionQueueName = "CompletionQueue";

    public PinnedMemory(ModelConfig config)
    {
        var offByOne = config.Rules.RingFullCheck == RingFullCheck.OffByOne;
        Buffers = new FaultBufferPool(config.FaultBuffers);
        IopfQueue = new RingQueue(IopfQueueName, config.IopfQueueCapacity, offByOne);
        FaultBufferQueue = new RingQueue(FaultBufferQueueName, config.FaultBufferQueueCapacity, offByOne);
        CompletionQueue = new RingQueue(CompletionQueueName, config.CompletionQueueCapacity, offByOne);
        foreach (var ring in new[] { IopfQueue, FaultBufferQueue, CompletionQueue })
        {
            ring.StartAt(config.RingStartCounter);
        }

        IopfInterrupt = new InterruptLine(config.Interrupts);
    }

    private PinnedMemory(PinnedMemory other)
    {
        Buffers = other.Buffers.Clone();
        IopfQueue = other.IopfQueue.Clone();
        FaultBufferQueue = other.FaultBufferQueue.Clone();
        CompletionQueue = other.CompletionQueue.Clone();
        IopfInterrupt = other.IopfInterrupt.Clone();
        IopfQueueOverflowed = other.IopfQueueOverflowed;
    }

    public FaultBufferPool Buffers { get; }

    public RingQueue IopfQueue { get; }

    public RingQueue FaultBufferQueue { get; }

    public RingQueue CompletionQueue { get; }

    /// <summary>The interrupt the device raises when it publishes a fault descriptor.</summary>
    public InterruptLine IopfInterrupt { get; }

    /// <summary>
    /// The IO page fault queue's overflow flag (VT-d PRO, the SMMUv3 PRIQ's OVF, AMD's PPR log overflow): set by the
    /// device when a report finds the queue full, cleared by the driver once it has drained the queue. While it is set
    /// every new report is discarded. Only an <see cref="IopfQueueFull.Overflow"/> world ever sets it.
    /// </summary>
    public bool IopfQueueOverflowed { get; set; }

    /// <summary>The device ring a split publication's message names.</summary>
    public RingQueue Ring(DeviceRing ring) => ring == DeviceRing.IopfQueue ? IopfQueue : FaultBufferQueue;

    public PinnedMemory Clone() => new(this);
}
