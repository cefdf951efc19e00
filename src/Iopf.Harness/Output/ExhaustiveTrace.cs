using Iopf.Exhaustive;
using Iopf.Models.Tracing;
using Iopf.Protocol.Messages;

namespace Iopf.Harness.Output;

/// <summary>
/// An exhaustive counterexample's path in the canonical trace format, so the same renderers give its text
/// trace, Mermaid diagram and Markdown report: each step is the message delivered (with its sender, matched
/// to the oldest equal message that party sent to the taker), the guest's choice, and the observations.
/// </summary>
public static class ExhaustiveTrace
{
    public static CanonicalTrace Of(string world, IReadOnlyList<string> mutants, IReadOnlyList<TraceStep> steps, ViolationKind kind, string property, string verdict)
    {
        var entries = new List<TraceEntry>();
        var pending = new List<(string From, string To, Message Message)>();
        foreach (var step in steps)
        {
            var sent = pending.FindIndex(p => p.To == step.Party && Equals(p.Message, step.Message));
            var from = sent < 0 ? "Setup" : pending[sent].From;
            if (sent >= 0)
            {
                pending.RemoveAt(sent);
            }

            entries.Add(new MessageDelivered(from, step.Party, step.Message.ToString()));
            if (step.Choice is { } choice)
            {
                entries.Add(new ChoiceMade(step.Party, choice.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            entries.AddRange(step.Observations.Select(o => new ObservationMade(step.Party, o.ToString())));
            pending.AddRange(step.Sends.Select(s => (step.Party, s.To == Role.Guest ? $"Guest{s.Index}" : s.To.ToString(), s.Message)));
            if (step.Exception is { } error)
            {
                entries.Add(new ObservationMade(step.Party, $"threw {error}"));
            }
        }

        // A liveness kind is not a property's own sentence: say which it is (the property names what is owed).
        var text = kind == ViolationKind.Safety ? verdict : $"{verdict} ({kind})";
        return new CanonicalTrace(world, mutants, entries, new TraceVerdict(property, text, null));
    }
}
