using Iopf.Specs.Properties;
using Iopf.Protocol.Observations;
using Microsoft.Coyote.Actors;

namespace Iopf.Specs.Monitors;

// One monitor per property of the README's property list (see PropertySet), named after it so bug reports read as verdicts.
public sealed class NoPayloadLost : PropertyMonitor<NoPayloadLostProperty>;

public sealed class NoDoubleCopy : PropertyMonitor<NoDoubleCopyProperty>;

public sealed class EveryFaultCompleted : PropertyMonitor<EveryFaultCompletedProperty>;

public sealed class VmIsolation : PropertyMonitor<VmIsolationProperty>;

public sealed class NoCrossVmDataLeak : PropertyMonitor<NoCrossVmDataLeakProperty>;

public sealed class FaultBufferHeldUntilCopied : PropertyMonitor<FaultBufferHeldUntilCopiedProperty>;

public sealed class RingsDeliverEveryDescriptorInOrder : PropertyMonitor<RingsDeliverEveryDescriptorInOrderProperty>;

public sealed class CompletionAnswersOutstandingFault : PropertyMonitor<CompletionAnswersOutstandingFaultProperty>;

public sealed class NothingReachesARecycledVm : PropertyMonitor<NothingReachesARecycledVmProperty>;

public sealed class NoFaultBufferLeaks : PropertyMonitor<NoFaultBufferLeaksProperty>;

public sealed class TeardownCompletes : PropertyMonitor<TeardownCompletesProperty>;

/// <summary>
/// The monitors in the order of <see cref="PropertySet"/>, each with the observation types it reads, so a
/// party shows an observation only to the monitors that care (each monitor call costs a Coyote step). One
/// row per monitor: its type, what it reads, and how a runtime registers it and shows it an event (Coyote's
/// calls are generic, so each row captures them once).
/// </summary>
public static class MonitorSet
{
    private static readonly Entry[] Entries =
    [
        Of<VmIsolation, VmIsolationProperty>(),
        Of<NoCrossVmDataLeak, NoCrossVmDataLeakProperty>(),
        Of<NothingReachesARecycledVm, NothingReachesARecycledVmProperty>(),
        Of<NoFaultBufferLeaks, NoFaultBufferLeaksProperty>(),
        Of<FaultBufferHeldUntilCopied, FaultBufferHeldUntilCopiedProperty>(),
        Of<RingsDeliverEveryDescriptorInOrder, RingsDeliverEveryDescriptorInOrderProperty>(),
        Of<CompletionAnswersOutstandingFault, CompletionAnswersOutstandingFaultProperty>(),
        Of<NoDoubleCopy, NoDoubleCopyProperty>(),
        Of<NoPayloadLost, NoPayloadLostProperty>(),
        Of<EveryFaultCompleted, EveryFaultCompletedProperty>(),
        Of<TeardownCompletes, TeardownCompletesProperty>(),
    ];

    public static IReadOnlyList<Type> Types { get; } = Entries.Select(e => e.Monitor).ToList();

    /// <summary>The monitors that read this observation, in reporting order.</summary>
    public static IEnumerable<Type> Interested(Observation observation) => InterestedEntries(observation).Select(e => e.Monitor);

    /// <summary>
    /// Registers the monitors of the chosen properties (all when null) with a runtime. An unregistered
    /// monitor is simply not consulted: Coyote delivers monitor events only to registered monitors.
    /// </summary>
    public static void Register(IActorRuntime runtime, IReadOnlyCollection<string>? properties = null)
    {
        foreach (var entry in Entries.Where(e => properties is null || properties.Contains(e.Monitor.Name)))
        {
            entry.Register(runtime);
        }
    }

    /// <summary>Shows one observation to every monitor that reads it, from outside any actor (the initial memory map).</summary>
    public static void Notify(IActorRuntime runtime, ObservationEvent e)
    {
        foreach (var entry in InterestedEntries(e.Observation))
        {
            entry.Notify(runtime, e);
        }
    }

    private static IEnumerable<Entry> InterestedEntries(Observation observation)
    {
        var type = observation.GetType();
        return Entries.Where(e => e.Observes.Contains(type));
    }

    private static Entry Of<TMonitor, TProperty>()
        where TMonitor : PropertyMonitor<TProperty>
        where TProperty : IProperty, new() =>
        new(typeof(TMonitor), new TProperty().Observes, r => r.RegisterMonitor<TMonitor>(), (r, e) => r.Monitor<TMonitor>(e));

    private sealed record Entry(Type Monitor, IReadOnlySet<Type> Observes, Action<IActorRuntime> Register, Action<IActorRuntime, ObservationEvent> Notify);
}
