using Iopf.Protocol.Messages;

namespace Iopf.Exhaustive;

/// <summary>
/// Renders a counterexample as numbered, readable text lines. The one place that decides the trace format,
/// so it can be swapped for the project's canonical trace format later.
/// </summary>
public static class CounterexampleRenderer
{
    public static IReadOnlyList<string> Lines(Counterexample c)
    {
        var lines = new List<string>
        {
            $"{c.Property} violated ({c.Kind}): {c.Verdict}",
            $"shortest path, {c.Length} steps:",
        };
        foreach (var step in c.Steps)
        {
            var choice = step.Choice is { } k ? $" with choice {k}" : string.Empty;
            lines.Add($"{step.Number}. {step.Party} takes {step.Message}{choice}");
            foreach (var observation in step.Observations)
            {
                lines.Add($"   observed {observation}");
            }

            foreach (var send in step.Sends)
            {
                lines.Add($"   sends {send.Message} to {Recipient(send)}");
            }

            if (step.Exception is { } error)
            {
                lines.Add($"   threw {error}");
            }
        }

        return lines;
    }

    public static string Text(Counterexample c) => string.Join(Environment.NewLine, Lines(c));

    private static string Recipient(Envelope e) => e.To == Role.Guest ? $"Guest{e.Index}" : e.To.ToString();
}
