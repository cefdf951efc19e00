using System.Text;

namespace Iopf.Models.Tracing;

/// <summary>
/// A Markdown page for one counterexample: the verdict, what was run, how to replay it (with our harness
/// and with Coyote's own CLI), the Mermaid diagram and the numbered trace.
/// </summary>
public static class CounterexampleReport
{
    /// <param name="from">The folder the replay commands run from, as words ("the repository root").</param>
    /// <param name="replayCommands">Commands that reproduce the counterexample, verbatim from that folder.</param>
    public static string Render(CanonicalTrace trace, string modelFingerprint, string from, IReadOnlyList<string> replayCommands)
    {
        var mutants = trace.Mutants.Count == 0 ? "(none)" : string.Join(", ", trace.Mutants);
        var text = new StringBuilder();
        text.Append($"# {trace.World}: ");
        text.Append(trace.Verdict.Holds ? "every property holds\n\n" : $"{trace.Verdict.Property} VIOLATED\n\n");
        if (!trace.Verdict.Holds)
        {
            text.Append($"> {trace.Verdict.Text}\n");
            if (trace.Verdict.OutstandingObligation is { } owed)
            {
                text.Append(">\n").Append($"> still owed: {owed}\n");
            }

            text.Append('\n');
        }

        text.Append("| | |\n|---|---|\n");
        text.Append($"| world | {trace.World} |\n");
        text.Append($"| mutants | {mutants} |\n");
        text.Append($"| model fingerprint | `{modelFingerprint}` |\n");
        text.Append($"| trace lines | {trace.Entries.Count} |\n\n");

        text.Append($"## Replay\n\nFrom {from}:\n\n```sh\n");
        foreach (var command in replayCommands)
        {
            text.Append(command).Append('\n');
        }

        text.Append("```\n\n");

        text.Append("## Sequence\n\n```mermaid\n").Append(MermaidRenderer.Render(trace)).Append("```\n\n");
        text.Append("## Trace\n\n```text\n").Append(TraceTextRenderer.Render(trace)).Append("```\n");
        return text.ToString();
    }
}
