using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;

namespace Iopf.Exhaustive;

/// <summary>A configuration small enough to explore every interleaving of, and what it is meant to exercise.</summary>
public sealed record SmallScopeConfig(string Name, string Description, ModelConfig Config)
{
    public SmallScopeConfig WithMutant(Mutant mutant) => this with { Config = Config with { Mutants = [mutant] } };
}

/// <summary>
/// The small-scope configurations the exhaustive explorer covers completely (each within seconds on one
/// core): the claim is not "many schedules sampled" but "every schedule of this world".
/// </summary>
public static class SmallScope
{
    public static readonly SmallScopeConfig TwoVmsSharedBuffers = new(
        nameof(TwoVmsSharedBuffers),
        "two VMs, 2 pages each on 3 frames, three faulting DMAs through 2 shared fault buffers and rings of 2 slots, each guest reclaiming a page once",
        new ModelConfig
        {
            Vms = 2,
            PagesPerVm = 2,
            HostFrames = 3,
            FaultBuffers = new PinnedRegion(0x10_0000, 4096, 2),
            IopfQueueCapacity = 2,
            FaultBufferQueueCapacity = 2,
            CompletionQueueCapacity = 2,
            InitiallyResident = [new(0, 1)],
            PressurePerVm = 1,
            Payloads = [P(0, vm: 1, page: 0), P(1, vm: 0, page: 0), P(2, vm: 1, page: 0, offset: 0x40)],
        });

    public static readonly SmallScopeConfig SamePageUnderPressure = new(
        nameof(SamePageUnderPressure),
        "one VM, 2 pages on 2 frames, three DMAs to one GPA while the guest reclaims a page twice",
        new ModelConfig
        {
            Vms = 1,
            PagesPerVm = 2,
            HostFrames = 2,
            FaultBuffers = new PinnedRegion(0x10_0000, 4096, 2),
            IopfQueueCapacity = 2,
            FaultBufferQueueCapacity = 2,
            CompletionQueueCapacity = 2,
            InitiallyResident = [new(0, 1)],
            PressurePerVm = 2,
            Payloads = [P(0, vm: 0, page: 0), P(1, vm: 0, page: 0), P(2, vm: 0, page: 0)],
        });

    public static readonly SmallScopeConfig TwoVmsUnderPressure = new(
        nameof(TwoVmsUnderPressure),
        "two VMs, 1 page each on 2 frames, one DMA per VM while each guest reclaims its page twice",
        new ModelConfig
        {
            Vms = 2,
            PagesPerVm = 1,
            HostFrames = 2,
            FaultBuffers = new PinnedRegion(0x10_0000, 4096, 2),
            IopfQueueCapacity = 2,
            FaultBufferQueueCapacity = 2,
            CompletionQueueCapacity = 2,
            InitiallyResident = [new(1, 0)],
            PressurePerVm = 2,
            Payloads = [P(0, vm: 0, page: 0), P(1, vm: 1, page: 0)],
        });

    public static readonly SmallScopeConfig RingsAtWrap = new(
        nameof(RingsAtWrap),
        "one VM, four DMAs (three faulting) on 4 fault buffers against fault rings of 2 slots, every ring counter about to wrap, one reclaim",
        new ModelConfig
        {
            Vms = 1,
            PagesPerVm = 4,
            HostFrames = 3,
            FaultBuffers = new PinnedRegion(0x20_0000, 4096, 4),
            IopfQueueCapacity = 2,
            FaultBufferQueueCapacity = 2,
            CompletionQueueCapacity = 4,
            RingStartCounter = uint.MaxValue - 1,
            InitiallyResident = [new(0, 3)],
            PressurePerVm = 1,
            Payloads = [P(0, vm: 0, page: 0), P(1, vm: 0, page: 1), P(2, vm: 0, page: 2), P(3, vm: 0, page: 3)],
        });

    public static readonly SmallScopeConfig LateDmaToFaultedPage = new(
        nameof(LateDmaToFaultedPage),
        "one VM, 2 pages on 2 frames: a fault, three DMAs to the resident page, then a DMA to the faulted page, late enough to meet its resolution; one reclaim",
        new ModelConfig
        {
            Vms = 1,
            PagesPerVm = 2,
            HostFrames = 2,
            FaultBuffers = new PinnedRegion(0x10_0000, 4096, 2),
            IopfQueueCapacity = 2,
            FaultBufferQueueCapacity = 2,
            CompletionQueueCapacity = 2,
            InitiallyResident = [new(0, 1)],
            PressurePerVm = 1,
            Payloads = [P(0, vm: 0, page: 0), P(1, vm: 0, page: 1), P(2, vm: 0, page: 1, offset: 0x40), P(3, vm: 0, page: 1, offset: 0x80), P(4, vm: 0, page: 0)],
        });

    public static readonly SmallScopeConfig ThreeVmsSharedBuffers = new(
        nameof(ThreeVmsSharedBuffers),
        "three VMs, 2 pages each on 4 frames, one faulting DMA per VM through 2 shared fault buffers and rings of 2 slots, each guest reclaiming a page once",
        TwoVmsSharedBuffers.Config with
        {
            Vms = 3,
            HostFrames = 4,
            Payloads = [P(0, vm: 1, page: 0), P(1, vm: 0, page: 0), P(2, vm: 2, page: 0)],
        });

    public static readonly SmallScopeConfig TwoVmsSharedBuffersHeavyPressure = new(
        nameof(TwoVmsSharedBuffersHeavyPressure),
        "TwoVmsSharedBuffers with each guest reclaiming a page twice: evictions race every phase of the three faults",
        TwoVmsSharedBuffers.Config with { PressurePerVm = 2 });

    /// <summary>The configurations CI checks completely on every run (seconds in all).</summary>
    public static IReadOnlyList<SmallScopeConfig> All { get; } = [TwoVmsSharedBuffers, SamePageUnderPressure, TwoVmsUnderPressure, RingsAtWrap, LateDmaToFaultedPage];

    /// <summary>
    /// Larger configurations, for the benchmark and for checking by name: 0.4 and 3.2 million states, a few
    /// seconds and a few hundred MB each.
    /// </summary>
    public static IReadOnlyList<SmallScopeConfig> Larger { get; } = [ThreeVmsSharedBuffers, TwoVmsSharedBuffersHeavyPressure];

    public static SmallScopeConfig? Find(string name) =>
        All.Concat(Larger).FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>A 64-byte DMA write to VM vm, guest page page, at offset.</summary>
    private static Payload P(int id, int vm, ulong page, ulong offset = 0) =>
        new(id, vm, (page * ModelConfig.PageSize) + offset, 64);
}
