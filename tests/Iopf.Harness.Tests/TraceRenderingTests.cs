using Iopf.Models.Tracing;

namespace Iopf.Harness.Tests;

/// <summary>The renderers on a hand-made trace: numbering, verdict lines, and Mermaid-safe labels.</summary>
public sealed class TraceRenderingTests
{
    private static readonly CanonicalTrace Trace = new(
        "SingleFault",
        ["DeviceNeverNotified"],
        [
            new ActorCreated("Device"),
            new MessageDelivered("Setup", "Device", "IssueNextDma { }"),
            new ObservationMade("Device", "FaultRaised { Sequence = 0, Vm = 0, Gpa = 0, Buffer = 0 }"),
            new StateEntered("Device", "Stalled"),
        ],
        new TraceVerdict("EveryFaultCompleted", "liveness bug; hot", "never completed: fault #0"));

    [Fact]
    public void Text_numbers_every_entry_and_ends_with_the_verdict_and_the_obligation()
    {
        Assert.Equal(
            "world    SingleFault\n" +
            "mutants  DeviceNeverNotified\n" +
            "    1  Device created\n" +
            "    2  Setup -> Device: IssueNextDma { }\n" +
            "    3  Device observes FaultRaised { Sequence = 0, Vm = 0, Gpa = 0, Buffer = 0 }\n" +
            "    4  Device enters Stalled\n" +
            "verdict  EveryFaultCompleted VIOLATED\n" +
            "         liveness bug; hot\n" +
            "owed     never completed: fault #0\n",
            TraceTextRenderer.Render(Trace));
    }

    [Fact]
    public void Mermaid_puts_setup_first_and_writes_no_raw_semicolon_hash_or_brace_in_labels()
    {
        var diagram = MermaidRenderer.Render(Trace);

        Assert.StartsWith("sequenceDiagram\n    participant Setup\n    participant Device\n", diagram);
        Assert.Contains("    Setup->>Device: IssueNextDma\n", diagram);
        Assert.Contains("    Note over Device: FaultRaised(Sequence=0, Vm=0, Gpa=0, Buffer=0)\n", diagram);
        var labels = diagram.Split('\n').Where(l => l.Contains(": ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
        Assert.All(labels, l => Assert.DoesNotMatch(@"[{}]|#(?!\d+;)|(?<!#\d+);", l));
        Assert.EndsWith("    Note over Setup,Device: EveryFaultCompleted VIOLATED: liveness bug#59; hot / owed: never completed: fault #35;0\n", diagram);
    }
}
