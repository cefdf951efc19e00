using System.Text;

namespace Iopf.Models.Tracing;

/// <summary>Renders a canonical trace as plain text: a short header, numbered lines, the verdict. Newlines are always \n.</summary>
public static class TraceTextRenderer
{
    public static string Render(CanonicalTrace trace)
    {
        var text = new StringBuilder();
        text.Append("world    ").Append(trace.World).Append('\n');
        text.Append("mutants  ").Append(trace.Mutants.Count == 0 ? "(none)" : string.Join(", ", trace.Mutants)).Append('\n');
        for (var i = 0; i < trace.Entries.Count; i++)
        {
            text.Append((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5)).Append("  ").Append(Line(trace.Entries[i])).Append('\n');
        }

        var verdict = trace.Verdict;
        if (verdict.Holds)
        {
            text.Append("verdict  every property holds on this schedule\n");
        }
        else
        {
            text.Append("verdict  ").Append(verdict.Property).Append(" VIOLATED\n");
            text.Append("         ").Append(verdict.Text).Append('\n');
            if (verdict.OutstandingObligation is { } owed)
            {
                text.Append("owed     ").Append(owed).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Line(TraceEntry entry) => entry switch
    {
        ActorCreated c => $"{c.Actor} created",
        MessageDelivered m => $"{m.From} -> {m.To}: {m.Message}",
        ObservationMade o => $"{o.By} observes {o.Observation}",
        StateEntered s => $"{s.Actor} enters {s.State}",
        MonitorStateEntered m => $"monitor {m.Property} enters {m.State}{(m.Hot ? " (hot: an obligation is owed)" : string.Empty)}",
        ChoiceMade c => $"{c.Actor} chooses {c.Value}",
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.GetType().Name, "unknown trace entry"),
    };
}
