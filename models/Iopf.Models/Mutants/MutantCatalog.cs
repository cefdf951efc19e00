using Iopf.Models.Scenarios;
using Iopf.Protocol.Configuration;

namespace Iopf.Models.Mutants;

/// <summary>
/// Where each mutant shows: the scenario whose races expose it and the monitor that must catch it.
/// The first five are the per-monitor witnesses (each monitor shown able to fail).
/// </summary>
public static class MutantCatalog
{
    public static IReadOnlyList<MutantCase> MonitorWitnesses { get; } =
    [
        new(Mutant.DropWhenNoFaultBuffer, ScenarioCatalog.FaultBurst, "NoPayloadLost"),
        new(Mutant.VmmCopiesTwice, ScenarioCatalog.SingleFault, "NoDoubleCopy"),
        new(Mutant.DeviceNeverNotified, ScenarioCatalog.SingleFault, "EveryFaultCompleted"),
        new(Mutant.EvictionSkipsAtcInvalidation, ScenarioCatalog.AtcInvalidationRacesCompletion, "VmIsolation"),
        new(Mutant.CompleteBeforeCopy, ScenarioCatalog.SingleFault, "FaultBufferSafety"),
    ];

    public static MutantCase ForMonitor(string property) => MonitorWitnesses.Single(c => c.ExpectedProperty == property);
}
