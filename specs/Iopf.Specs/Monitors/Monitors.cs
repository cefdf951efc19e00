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

/// <summary>
/// The monitors in the order of <see cref="PropertySet"/>, each with the observation types it reads, so a
/// party shows an observation only to the monitors that care (each monitor call costs a Coyote step).
/// </summary>
public static class MonitorSet
{
    private static readonly (Type Monitor, IReadOnlySet<Type> Observes)[] Entries =
    [
        (typeof(VmIsolation), new VmIsolationProperty().Observes),
        (typeof(NoCrossVmDataLeak), new NoCrossVmDataLeakProperty().Observes),
        (typeof(FaultBufferHeldUntilCopied), new FaultBufferHeldUntilCopiedProperty().Observes),
        (typeof(RingsDeliverEveryDescriptorInOrder), new RingsDeliverEveryDescriptorInOrderProperty().Observes),
        (typeof(CompletionAnswersOutstandingFault), new CompletionAnswersOutstandingFaultProperty().Observes),
        (typeof(NoDoubleCopy), new NoDoubleCopyProperty().Observes),
        (typeof(NoPayloadLost), new NoPayloadLostProperty().Observes),
        (typeof(EveryFaultCompleted), new EveryFaultCompletedProperty().Observes),
    ];

    public static IReadOnlyList<Type> Types { get; } = Entries.Select(e => e.Monitor).ToList();

    /// <summary>The monitors that read this observation, in reporting order.</summary>
    public static IEnumerable<Type> Interested(Observation observation)
    {
        var type = observation.GetType();
        foreach (var (monitor, observes) in Entries)
        {
            if (observes.Contains(type))
            {
                yield return monitor;
            }
        }
    }

    /// <summary>
    /// Registers the monitors of the chosen properties (all when null) with a runtime. An unregistered
    /// monitor is simply not consulted: Coyote delivers monitor events only to registered monitors.
    /// </summary>
    public static void Register(IActorRuntime runtime, IReadOnlyCollection<string>? properties = null)
    {
        bool On(string name) => properties is null || properties.Contains(name);
        if (On(nameof(VmIsolation)))
        {
            runtime.RegisterMonitor<VmIsolation>();
        }

        if (On(nameof(NoCrossVmDataLeak)))
        {
            runtime.RegisterMonitor<NoCrossVmDataLeak>();
        }

        if (On(nameof(FaultBufferHeldUntilCopied)))
        {
            runtime.RegisterMonitor<FaultBufferHeldUntilCopied>();
        }

        if (On(nameof(RingsDeliverEveryDescriptorInOrder)))
        {
            runtime.RegisterMonitor<RingsDeliverEveryDescriptorInOrder>();
        }

        if (On(nameof(CompletionAnswersOutstandingFault)))
        {
            runtime.RegisterMonitor<CompletionAnswersOutstandingFault>();
        }

        if (On(nameof(NoDoubleCopy)))
        {
            runtime.RegisterMonitor<NoDoubleCopy>();
        }

        if (On(nameof(NoPayloadLost)))
        {
            runtime.RegisterMonitor<NoPayloadLost>();
        }

        if (On(nameof(EveryFaultCompleted)))
        {
            runtime.RegisterMonitor<EveryFaultCompleted>();
        }
    }

    /// <summary>Shows one observation to every monitor that reads it, from outside any actor (the initial memory map).</summary>
    public static void Notify(IActorRuntime runtime, ObservationEvent e)
    {
        foreach (var monitor in Interested(e.Observation))
        {
            Notifiers[monitor](runtime, e);
        }
    }

    private static readonly Dictionary<Type, Action<IActorRuntime, ObservationEvent>> Notifiers = new()
    {
        [typeof(VmIsolation)] = (r, e) => r.Monitor<VmIsolation>(e),
        [typeof(NoCrossVmDataLeak)] = (r, e) => r.Monitor<NoCrossVmDataLeak>(e),
        [typeof(FaultBufferHeldUntilCopied)] = (r, e) => r.Monitor<FaultBufferHeldUntilCopied>(e),
        [typeof(RingsDeliverEveryDescriptorInOrder)] = (r, e) => r.Monitor<RingsDeliverEveryDescriptorInOrder>(e),
        [typeof(CompletionAnswersOutstandingFault)] = (r, e) => r.Monitor<CompletionAnswersOutstandingFault>(e),
        [typeof(NoDoubleCopy)] = (r, e) => r.Monitor<NoDoubleCopy>(e),
        [typeof(NoPayloadLost)] = (r, e) => r.Monitor<NoPayloadLost>(e),
        [typeof(EveryFaultCompleted)] = (r, e) => r.Monitor<EveryFaultCompleted>(e),
    };
}
