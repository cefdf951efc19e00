namespace Iopf.Models.Tracing;

/// <summary>
/// One line of a canonical counterexample trace. Every field is a logical name or a record's own text:
/// never a Coyote id, GUID, thread id, time or path, so the same schedule always gives the same entries.
/// </summary>
public abstract record TraceEntry;

/// <summary>A party machine came to life (in creation order, which the scenario runner fixes).</summary>
public sealed record ActorCreated(string Actor) : TraceEntry;

/// <summary>Actor To took message Message that From had sent (From is "Setup" for the scenario's start messages).</summary>
public sealed record MessageDelivered(string From, string To, string Message) : TraceEntry;

/// <summary>A step of actor By made Observation visible to the property monitors.</summary>
public sealed record ObservationMade(string By, string Observation) : TraceEntry;

/// <summary>Actor entered machine state State (the party's state as the model names it, e.g. Stalled).</summary>
public sealed record StateEntered(string Actor, string State) : TraceEntry;

/// <summary>A property monitor changed state (Hot: an obligation is owed, Cold: none).</summary>
public sealed record MonitorStateEntered(string Property, string State, bool Hot) : TraceEntry;

/// <summary>Actor made a nondeterministic choice that the schedule fixed (e.g. which page a guest gives up).</summary>
public sealed record ChoiceMade(string Actor, string Value) : TraceEntry;
