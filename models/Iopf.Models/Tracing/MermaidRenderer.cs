using System.Text;

namespace Iopf.Models.Tracing;

/// <summary>
/// Renders a canonical trace as a Mermaid sequenceDiagram: one arrow per delivered message, notes for
/// observations, state changes and choices, and the verdict as a closing note over every participant.
/// </summary>
public static partial class MermaidRenderer
{
    public static string Render(CanonicalTrace trace)
    {
        var actors = trace.Actors().OrderBy(a => a == TraceRecorder.SetupSender ? 0 : 1).ToList();
        var text = new StringBuilder();
        text.Append("sequenceDiagram\n");
        foreach (var actor in actors)
        {
            text.Append("    participant ").Append(actor).Append('\n');
        }

        foreach (var entry in trace.Entries)
        {
            switch (entry)
            {
                case MessageDelivered m:
                    text.Append($"    {m.From}->>{m.To}: {Escape(Compact(m.Message))}\n");
                    break;
                case ObservationMade o:
                    text.Append($"    Note over {o.By}: {Escape(Compact(o.Observation))}\n");
                    break;
                case StateEntered s:
                    text.Append($"    Note over {s.Actor}: state {Escape(s.State)}\n");
                    break;
                case ChoiceMade c:
                    text.Append($"    Note over {c.Actor}: chooses {Escape(c.Value)}\n");
                    break;
            }
        }

        if (actors.Count > 0)
        {
            var span = actors.Count == 1 ? actors[0] : $"{actors[0]},{actors[^1]}";
            var verdict = trace.Verdict.Holds
                ? "every property holds on this schedule"
                : $"{trace.Verdict.Property} VIOLATED: {trace.Verdict.Text}" + (trace.Verdict.OutstandingObligation is { } owed ? $" / owed: {owed}" : string.Empty);
            text.Append($"    Note over {span}: {Escape(verdict)}\n");
        }

        return text.ToString();
    }

    /// <summary>A record's text in a label's space: "CopyDone { Sequence = 0 }" becomes "CopyDone(Sequence=0)".</summary>
    public static string Compact(string recordText)
    {
        var match = RecordText().Match(recordText);
        if (!match.Success)
        {
            return recordText;
        }

        var fields = Assignment().Replace(match.Groups[2].Value.Trim(), "=");
        return fields.Length == 0 ? match.Groups[1].Value : $"{match.Groups[1].Value}({fields})";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" ?= ?")]
    private static partial System.Text.RegularExpressions.Regex Assignment();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\w+) \{(.*)\}$")]
    private static partial System.Text.RegularExpressions.Regex RecordText();

    /// <summary>Mermaid reads ';' and '#' as syntax and '{' '}' badly in labels: write them as entity codes.</summary>
    public static string Escape(string label)
    {
        var text = new StringBuilder(label.Length);
        foreach (var c in label)
        {
            _ = c switch
            {
                '#' => text.Append("#35;"),
                ';' => text.Append("#59;"),
                '{' => text.Append("#123;"),
                '}' => text.Append("#125;"),
                '\n' or '\r' => text.Append(' '),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }
}
