namespace Iopf.Worlds;

/// <summary>
/// The ranges a world's fields may take, each from what the model can mean: a descriptor field's width, or
/// what a model that keeps every page, frame and payload as its own object can hold. They are checked on the
/// raw numbers, before any of them sizes anything.
/// </summary>
public static class WorldLimits
{
    /// <summary>One function per VM, named by the 8-bit FunctionId field of the fault and completion descriptors.</summary>
    public const int MaxVms = 255;

    /// <summary>Guest pages per VM: 16 MiB of guest memory each; the model keeps one entry per page.</summary>
    public const int MaxPagesPerVm = 4096;

    /// <summary>One frame stays pinned for a fault while another can be evicted.</summary>
    public const int MinHostFrames = 2;

    /// <summary>Host frames: the model keeps each frame's content as its own object.</summary>
    public const int MaxHostFrames = 4096;

    /// <summary>Fault buffers, named by the 8-bit BufferIndex field.</summary>
    public const int MaxFaultBuffers = 256;

    /// <summary>A fault buffer holds at least one cache line of payload.</summary>
    public const ulong MinBufferSize = 64;

    /// <summary>2 MiB, the largest page a pinned buffer is carved from.</summary>
    public const ulong MaxBufferSize = 2UL << 20;

    /// <summary>The rings' supported capacities are powers of two up to this (RingQueue).</summary>
    public const int MaxRingCapacity = 65536;

    /// <summary>Evictions each guest asks for.</summary>
    public const int MaxPressurePerVm = 64;

    /// <summary>DMAs in a workload: below the 16-bit fault sequence space, so sequence numbers never alias within a run.</summary>
    public const int MaxPayloads = 4096;

    /// <summary>A cache line, the length a payload has when a world does not say.</summary>
    public const int DefaultPayloadLength = 64;

    /// <summary>A pinned state count larger than any table the explorer can hold in this machine's memory.</summary>
    public const long MaxStates = 1L << 40;

    /// <summary>Schedules one world may ask Coyote for.</summary>
    public const uint MaxIterations = 100_000_000;

    /// <summary>Scheduling steps of one schedule.</summary>
    public const uint MaxSchedulingSteps = 10_000_000;
}
