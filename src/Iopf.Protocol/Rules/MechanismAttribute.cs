namespace Iopf.Protocol.Rules;

/// <summary>
/// The hardware or software mechanism a decision point belongs to, so a kill table can say which mechanism
/// each mutant breaks (issue 10's list: posted writes, interrupt semantics, responses that can fail, ...).
/// Every decision enum carries one; a test checks none is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class MechanismAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>The mechanisms, named once.</summary>
public static class Mechanisms
{
    public const string FaultBuffers = "fault buffers";
    public const string DescriptorRings = "descriptor rings";
    public const string AtcInvalidation = "ATC and invalidation";
    public const string PostedWrites = "posted writes in flight";
    public const string Reordering = "reordering outside the guests";
    public const string Overcommit = "overcommitted memory";
    public const string FrameScrubbing = "frame scrubbing";
    public const string FailedResponses = "responses that can fail";
    public const string Interrupts = "interrupt semantics";
    public const string QueueOverflow = "queue overflow";
    public const string Publication = "bus-visible publication";
    public const string Teardown = "VM teardown";
}
