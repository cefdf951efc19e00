using Iopf.Specs.Properties;
using Microsoft.Coyote.Actors;

namespace Iopf.Specs.Monitors;

// One monitor per property of DESIGN.md section 2, named after it so bug reports read as verdicts.
public sealed class NoPayloadLost : PropertyMonitor<NoPayloadLostProperty>;

public sealed class NoDoubleCopy : PropertyMonitor<NoDoubleCopyProperty>;

public sealed class EveryFaultCompleted : PropertyMonitor<EveryFaultCompletedProperty>;

public sealed class VmIsolation : PropertyMonitor<VmIsolationProperty>;

public sealed class FaultBufferSafety : PropertyMonitor<FaultBufferSafetyProperty>;

/// <summary>The monitor types in the order of <see cref="PropertySet"/>.</summary>
public static class MonitorSet
{
    public static IReadOnlyList<Type> Types { get; } =
    [
        typeof(VmIsolation),
        typeof(FaultBufferSafety),
        typeof(NoDoubleCopy),
        typeof(NoPayloadLost),
        typeof(EveryFaultCompleted),
    ];

    /// <summary>Registers every monitor with a runtime (Coyote's registration API is generic only).</summary>
    public static void Register(IActorRuntime runtime)
    {
        runtime.RegisterMonitor<VmIsolation>();
        runtime.RegisterMonitor<FaultBufferSafety>();
        runtime.RegisterMonitor<NoDoubleCopy>();
        runtime.RegisterMonitor<NoPayloadLost>();
        runtime.RegisterMonitor<EveryFaultCompleted>();
    }

    /// <summary>Shows one observation to every monitor, from outside any actor (the initial memory map).</summary>
    public static void Notify(IActorRuntime runtime, ObservationEvent e)
    {
        runtime.Monitor<VmIsolation>(e);
        runtime.Monitor<FaultBufferSafety>(e);
        runtime.Monitor<NoDoubleCopy>(e);
        runtime.Monitor<NoPayloadLost>(e);
        runtime.Monitor<EveryFaultCompleted>(e);
    }
}
