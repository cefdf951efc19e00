namespace Iopf.Exhaustive.Tests;

/// <summary>
/// The search without any reuse, for differential testing of the explorer: every transition runs the step on
/// a full copy of the world (<see cref="GlobalState.Successor"/>), and a state is its full canonical bytes.
/// Slow and obviously faithful.
/// </summary>
internal static class ReferenceSearch
{
    public static (int States, long Transitions, int Quiescent) Explore(Iopf.Protocol.Configuration.ModelConfig config)
    {
        var (initial, start) = GlobalState.Initial(config);
        Assert.Null(initial.Judge(start));
        var seen = new HashSet<string> { Key(initial) };
        var frontier = new Queue<GlobalState>([initial]);
        var (transitions, quiescent) = (0L, initial.IsTerminal ? 1 : 0);
        while (frontier.TryDequeue(out var state))
        {
            for (var slot = 0; slot < state.Slots.Count; slot++)
            {
                for (var choice = 0; choice < state.ChoicesAt(slot); choice++)
                {
                    transitions++;
                    var (next, step) = state.Successor(slot, choice);
                    Assert.Null(next.Judge(step));
                    if (seen.Add(Key(next)))
                    {
                        quiescent += next.IsTerminal ? 1 : 0;
                        frontier.Enqueue(next);
                    }
                }
            }
        }

        return (seen.Count, transitions, quiescent);
    }

    private static string Key(GlobalState state)
    {
        var w = new CanonicalWriter();
        WorldEncoder.Write(w, state.World);
        foreach (var inbox in state.Inboxes)
        {
            w.Write(inbox.Count);
            foreach (var envelope in inbox)
            {
                MessageEncoder.Write(w, envelope.Message);
            }
        }

        foreach (var property in state.Properties)
        {
            var bytes = CheckerBytes.Of(property);
            w.Write(bytes.Length);
            w.Write(bytes);
        }

        return Convert.ToBase64String(w.Written);
    }
}
