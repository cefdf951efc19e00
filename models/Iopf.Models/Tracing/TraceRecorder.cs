using Iopf.Models.Events;
using Iopf.Specs.Judging;
using Iopf.Specs.Monitors;
using Microsoft.Coyote.Actors;
using Microsoft.Coyote.Actors.Timers;
using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace Iopf.Models.Tracing;

/// <summary>
/// Records one execution as <see cref="TraceEntry"/> values, from Coyote's runtime log callbacks. Register it
/// with <c>runtime.RegisterLog</c> before the scenario starts (the explorer's instrument hook does that).
/// Only logical actor names and the model's own record texts are kept. Properties are re-run here over the
/// same observations, so a liveness verdict can name the obligation that was still owed.
/// </summary>
public sealed partial class TraceRecorder : IActorRuntimeLog
{
    /// <summary>The pseudo-sender of the scenario's start messages (sent by the test driver, not an actor).</summary>
    public const string SetupSender = "Setup";

    private readonly List<TraceEntry> entries = [];

    // Keyed by event identity: the object sent is the object later dequeued; only looked up, never enumerated.
    private readonly Dictionary<object, string> senders = new(ReferenceEqualityComparer.Instance);

    // One observation is shown to several monitors; it is recorded once.
    private readonly HashSet<object> observed = new(ReferenceEqualityComparer.Instance);

    private readonly Judge judge = Judge.OfEveryProperty();

    private string? failure;

    public IReadOnlyList<TraceEntry> Entries => entries;

    /// <summary>The assertion failure the runtime reported, if any (Coyote's verdict text).</summary>
    public string? Failure => failure;

    /// <summary>What property Name still owes at this point of the execution (null when nothing is owed).</summary>
    public string? ObligationOf(string property) =>
        judge.Properties.FirstOrDefault(p => p.Name == property)?.Obligation;

    public void OnCreateActor(ActorId id, string creatorName, string creatorType)
    {
    }

    public void OnCreateStateMachine(ActorId id, string creatorName, string creatorType) =>
        entries.Add(new ActorCreated(Logical(id.Name)));

    public void OnSendEvent(ActorId targetActorId, string senderName, string senderType, string senderStateName, Event e, Guid eventGroupId, bool isTargetHalted) =>
        senders[e] = Logical(senderName);

    public void OnDequeueEvent(ActorId id, string stateName, Event e)
    {
        if (e is ProtocolEvent protocol)
        {
            var from = senders.Remove(e, out var sender) ? sender : SetupSender;
            entries.Add(new MessageDelivered(from, Logical(id.Name), protocol.Message.ToString()));
        }
    }

    public void OnStateTransition(ActorId id, string stateName, bool isEntry)
    {
        if (isEntry)
        {
            entries.Add(new StateEntered(Logical(id.Name), ShortName(stateName)));
        }
    }

    public void OnRandom(int result, string callerName, string callerType) =>
        entries.Add(new ChoiceMade(Logical(callerName), result.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public void OnRandom(bool result, string callerName, string callerType) =>
        entries.Add(new ChoiceMade(Logical(callerName), result ? "true" : "false"));

    public void OnMonitorProcessEvent(string monitorType, string stateName, string senderName, string senderType, string senderStateName, CoyoteMonitor.Event e)
    {
        if (e is ObservationEvent observation && observed.Add(e))
        {
            entries.Add(new ObservationMade(Logical(senderName), observation.Observation.ToString()));
            // Coyote itself reports any violation; the judge here only keeps the obligations current.
            judge.Observe(observation.Observation);
        }
    }

    public void OnMonitorStateTransition(string monitorType, string stateName, bool isEntry, bool? isInHotState)
    {
        if (isEntry)
        {
            entries.Add(new MonitorStateEntered(ShortName(monitorType), ShortName(stateName), isInHotState == true));
        }
    }

    public void OnAssertionFailure(string error) => failure ??= error;

    public void OnMonitorError(string monitorType, string stateName, bool? isInHotState)
    {
    }

    // Coyote's actor names carry the runtime's numeric id ("Device(1)"); the trace keeps the role's name only.
    private static string Logical(string? name) =>
        string.IsNullOrEmpty(name) ? SetupSender : NumericSuffix().Replace(name, string.Empty);

    [System.Text.RegularExpressions.GeneratedRegex(@"\(\d+\)$")]
    private static partial System.Text.RegularExpressions.Regex NumericSuffix();

    // Coyote names states and monitors by their (nested) type names; the model's own name is the last part.
    private static string ShortName(string name)
    {
        var cut = name.LastIndexOfAny(['.', '+']);
        return cut < 0 ? name : name[(cut + 1)..];
    }

    public void OnExecuteAction(ActorId id, string handlingStateName, string currentStateName, string actionName)
    {
    }

    public void OnRaiseEvent(ActorId id, string stateName, Event e)
    {
    }

    public void OnHandleRaisedEvent(ActorId id, string stateName, Event e)
    {
    }

    public void OnEnqueueEvent(ActorId id, Event e)
    {
    }

    public void OnReceiveEvent(ActorId id, string stateName, Event e, bool wasBlocked)
    {
    }

    public void OnWaitEvent(ActorId id, string stateName, Type eventType)
    {
    }

    public void OnWaitEvent(ActorId id, string stateName, params Type[] eventTypes)
    {
    }

    public void OnGotoState(ActorId id, string currentStateName, string newStateName)
    {
    }

    public void OnPushState(ActorId id, string currentStateName, string newStateName)
    {
    }

    public void OnPopState(ActorId id, string currentStateName, string restoredStateName)
    {
    }

    public void OnDefaultEventHandler(ActorId id, string stateName)
    {
    }

    public void OnEventHandlerTerminated(ActorId id, string stateName, DequeueStatus dequeueStatus)
    {
    }

    public void OnHalt(ActorId id, int inboxSize)
    {
    }

    public void OnPopStateUnhandledEvent(ActorId id, string stateName, Event e)
    {
    }

    public void OnExceptionThrown(ActorId id, string stateName, string actionName, Exception ex)
    {
    }

    public void OnExceptionHandled(ActorId id, string stateName, string actionName, Exception ex)
    {
    }

    public void OnCreateTimer(TimerInfo info)
    {
    }

    public void OnStopTimer(TimerInfo info)
    {
    }

    public void OnCreateMonitor(string monitorType)
    {
    }

    public void OnMonitorExecuteAction(string monitorType, string stateName, string actionName)
    {
    }

    public void OnMonitorRaiseEvent(string monitorType, string stateName, CoyoteMonitor.Event e)
    {
    }

    public void OnCompleted()
    {
    }
}
