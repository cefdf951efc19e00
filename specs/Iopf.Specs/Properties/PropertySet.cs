namespace Iopf.Specs.Properties;

/// <summary>The properties of the README (no payload lost, no double copy, every fault completed, VM isolation, no cross-VM data leak, a fault buffer held until copied, rings deliver every descriptor in order, completions answer outstanding faults, and across a VM teardown: nothing reaches a recycled VM, no fault buffer leaks, teardown completes) that the model is checked against, in reporting order.</summary>
public static class PropertySet
{
    /// <summary>
    /// Fresh checkers. The order matters only when one step breaks several properties at once: the most
    /// specific verdict comes first (a payload in the wrong VM is an isolation breach before it is a loss).
    /// </summary>
    public static IReadOnlyList<IProperty> Create() =>
    [
        new VmIsolationProperty(),
        new NoCrossVmDataLeakProperty(),
        new NothingReachesARecycledVmProperty(),
        new NoFaultBufferLeaksProperty(),
        new FaultBufferHeldUntilCopiedProperty(),
        new RingsDeliverEveryDescriptorInOrderProperty(),
        new CompletionAnswersOutstandingFaultProperty(),
        new NoDoubleCopyProperty(),
        new NoPayloadLostProperty(),
        new EveryFaultCompletedProperty(),
        new TeardownCompletesProperty(),
    ];

    public static IReadOnlyList<string> Names { get; } = Create().Select(p => p.Name).ToList();

    /// <summary>The properties that judge a VM teardown: in a world without one they hold vacuously.</summary>
    public static IReadOnlySet<string> TeardownOnly { get; } = new SortedSet<string>(StringComparer.Ordinal) { "NothingReachesARecycledVm", "NoFaultBufferLeaks", "TeardownCompletes" };
}
