using System.Collections.Immutable;
using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;

namespace Iopf.Models.Scenarios;

/// <summary>
/// The scenarios of the IOPF model, small enough to explore many schedules each, and each aimed at one
/// race of the protocol. Budgets (iterations, strategy, step bound) live in coyote.json.
/// </summary>
public static class ScenarioCatalog
{
    public static readonly Scenario SingleFault = new(
        nameof(SingleFault),
        "one DMA to a not-present page: fault, buffer, resolve, copy, complete, notify",
        new ModelConfig
        {
            Vms = 1,
            PagesPerVm = 2,
            HostFrames = 2,
            Payloads = [P(0, vm: 0, page: 0)],
        });

    public static readonly Scenario FaultBurst = new(
        nameof(FaultBurst),
        "five faulting DMAs against two fault buffers: back-pressure, never a drop",
        new ModelConfig
        {
            Vms = 1,
            PagesPerVm = 4,
            HostFrames = 2,
            Payloads = [P(0, 0, 0), P(1, 0, 1), P(2, 0, 2), P(3, 0, 3), P(4, 0, 1, offset: 0x80)],
        });

    public static readonly Scenario OvercommitEvictionRace = new(
        nameof(OvercommitEvictionRace),
        "two VMs, 4 guest pages on 3 frames, guests reclaiming pages while DMAs fault and hit",
        new ModelConfig
        {
            Vms = 2,
            PagesPerVm = 2,
            HostFrames = 3,
            InitiallyResident = [new(0, 0), new(1, 0), new(1, 1)],
            PressurePerVm = 1,
            Payloads = [P(0, 0, 0), P(1, 1, 1), P(2, 0, 1), P(3, 1, 0, offset: 0x40)],
        });

    public static readonly Scenario AtcInvalidationRacesCompletion = new(
        nameof(AtcInvalidationRacesCompletion),
        "a page evicted while its fault completes: the ATC refresh races the invalidation, then a DMA reuses the page",
        new ModelConfig
        {
            Vms = 2,
            PagesPerVm = 1,
            HostFrames = 2,
            InitiallyResident = [new(1, 0)],
            PressurePerVm = 2,
            Payloads = [P(0, 0, 0), P(1, 0, 0, offset: 0x40), P(2, 1, 0), P(3, 0, 0, offset: 0x80)],
        });

    public static readonly Scenario SharedPoolTwoFunctions = new(
        nameof(SharedPoolTwoFunctions),
        "two SR-IOV / S-IOV functions of one device (one per VM) faulting into one shared pool of two buffers",
        new ModelConfig
        {
            Vms = 2,
            PagesPerVm = 2,
            HostFrames = 2,
            Payloads = [P(0, 0, 0), P(1, 1, 0), P(2, 0, 1), P(3, 1, 1)],
        });

    public static readonly Scenario QueueFullAndWrap = new(
        nameof(QueueFullAndWrap),
        "fault and location rings of two slots against four buffers, counters starting just below 2^32",
        new ModelConfig
        {
            Vms = 1,
            PagesPerVm = 4,
            HostFrames = 2,
            FaultBuffers = new PinnedRegion(0x20_0000, 4096, 4),
            IopfQueueCapacity = 2,
            FaultBufferQueueCapacity = 2,
            CompletionQueueCapacity = 4,
            RingStartCounter = uint.MaxValue - 2,
            Payloads = [P(0, 0, 0), P(1, 0, 1), P(2, 0, 2), P(3, 0, 3), P(4, 0, 2, offset: 0x40)],
        });

    public static readonly Scenario SamePageTwice = new(
        nameof(SamePageTwice),
        "payloads to one not-present page (same GPA and a neighbour): one allocation, copies in issue order",
        new ModelConfig
        {
            Vms = 1,
            PagesPerVm = 2,
            HostFrames = 2,
            Payloads = [P(0, 0, 0), P(1, 0, 0), P(2, 0, 0, offset: 0x40), P(3, 0, 0)],
        });

    public static readonly Scenario EvictAfterResolve = new(
        nameof(EvictAfterResolve),
        "the guest reclaims the page right after its fault was resolved, before or after the copy",
        new ModelConfig
        {
            Vms = 1,
            PagesPerVm = 2,
            HostFrames = 2,
            InitiallyResident = [new(0, 1)],
            PressurePerVm = 2,
            Payloads = [P(0, 0, 0), P(1, 0, 0, offset: 0x40), P(2, 0, 1)],
        });

    public static readonly Scenario StaleCompletionFrame = new(
        nameof(StaleCompletionFrame),
        "a VM reclaims its page between the copy and the device's doorbell, while other DMAs keep the device busy",
        new ModelConfig
        {
            Vms = 2,
            PagesPerVm = 1,
            HostFrames = 2,
            InitiallyResident = [new(1, 0)],
            PressurePerVm = 4,
            Payloads =
            [
                P(0, 0, 0),
                .. Enumerable.Range(1, 6).Select(i => P(i, 1, 0, offset: (ulong)i * 0x40)),
                P(7, 0, 0, offset: 0x40),
            ],
        });

    public static IReadOnlyList<Scenario> All { get; } =
    [
        SingleFault,
        FaultBurst,
        OvercommitEvictionRace,
        AtcInvalidationRacesCompletion,
        SharedPoolTwoFunctions,
        QueueFullAndWrap,
        SamePageTwice,
        EvictAfterResolve,
        StaleCompletionFrame,
    ];

    public static Scenario? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>A 64-byte DMA write to VM vm, guest page page, at offset.</summary>
    private static Payload P(int id, int vm, ulong page, ulong offset = 0, int length = 64) =>
        new(id, vm, (page * ModelConfig.PageSize) + offset, length);
}
