using Iopf.Worlds;
using Iopf.Protocol.Configuration;

namespace Iopf.Models.Mutants;

/// <summary>
/// The bug zoo: for each mutant, the world whose races expose it and the monitor that must catch it.
/// The first five are the per-monitor witnesses (each monitor shown able to fail).
/// </summary>
public static class MutantCatalog
{
    public static IReadOnlyList<MutantCase> MonitorWitnesses { get; } =
    [
        new(Mutant.DropWhenNoFaultBuffer, W("FaultBurst"), "NoPayloadLost"),
        new(Mutant.VmmCopiesTwice, W("SingleFault"), "NoDoubleCopy"),
        new(Mutant.DeviceNeverNotified, W("SingleFault"), "EveryFaultCompleted"),
        new(Mutant.EvictionSkipsAtcInvalidation, W("AtcInvalidationRacesCompletion"), "VmIsolation"),
        new(Mutant.CompleteBeforeCopy, W("SingleFault"), "FaultBufferSafety"),
    ];

    /// <summary>Every mutant of <see cref="Mutant"/>, each exactly once.</summary>
    public static IReadOnlyList<MutantCase> All { get; } =
    [
        .. MonitorWitnesses,
        new(Mutant.DirectWriteBypassesOrdering, W("SamePageTwice"), "NoDoubleCopy"),
        new(Mutant.RingFullOffByOne, W("QueueFullAndWrap"), "FaultBufferSafety"),
        new(Mutant.WrongVmInDescriptor, W("SharedPoolTwoFunctions"), "VmIsolation"),
        new(
            Mutant.TrustCompletionFrame,
            W("StaleCompletionFrame"),
            "VmIsolation",
            BeyondSampling: "the window (page reclaimed after the copy, before the driver rings the doorbell, then a new DMA to that page) is a few steps wide: Coyote found it after about 2,400 schedules with prioritization seeds 2 and 3, but not within coyote.json's 1,000 random schedules (seed 1), nor 3,000 of Coyote's portfolio (seed 1) or probabilistic (seeds 1-3)"),
        new(Mutant.FaultBeforeLocation, W("SingleFault"), "FaultBufferSafety"),
        new(Mutant.NoPinDuringResolution, W("EvictAfterResolve"), "VmIsolation"),
        new(Mutant.DoubleAllocationOnSamePage, W("SamePageTwice"), "NoPayloadLost"),
        new(Mutant.CompletionLostAtWrap, W("QueueFullAndWrap"), "EveryFaultCompleted"),
        new(Mutant.EvictionWithoutSwapOut, W("AtcInvalidationRacesCompletion"), "NoPayloadLost"),
        new(Mutant.CompletionWrittenBeforeCopy, W("FaultBurst"), "FaultBufferSafety"),
    ];

    /// <summary>The mutants the default sampled exploration of coyote.json must kill.</summary>
    public static IReadOnlyList<MutantCase> Sampled => All.Where(c => c.BeyondSampling is null).ToList();

    public static MutantCase ForMonitor(string property) => MonitorWitnesses.Single(c => c.ExpectedProperty == property);

    public static MutantCase For(Mutant mutant) => All.Single(c => c.Mutant == mutant);

    private static WorldDefinition W(string name) => WorldCatalog.Find(name) ?? throw new InvalidOperationException($"no built-in world {name}");
}
