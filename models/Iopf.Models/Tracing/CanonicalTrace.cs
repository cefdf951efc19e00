namespace Iopf.Models.Tracing;

/// <summary>
/// One execution of a world as the model saw it: what was run (world, mutants), what happened
/// (entries in execution order) and how it ended. Renderers turn it into text, Mermaid and Markdown.
/// </summary>
public sealed record CanonicalTrace(
    string World,
    IReadOnlyList<string> Mutants,
    IReadOnlyList<TraceEntry> Entries,
    TraceVerdict Verdict)
{
    /// <summary>The actors in the order they appear (creation order first), for diagram participants.</summary>
    public IReadOnlyList<string> Actors()
    {
        var actors = new List<string>();
        void Add(string name)
        {
            if (!actors.Contains(name))
            {
                actors.Add(name);
            }
        }

        foreach (var entry in Entries)
        {
            switch (entry)
            {
                case ActorCreated c:
                    Add(c.Actor);
                    break;
                case MessageDelivered m:
                    Add(m.From);
                    Add(m.To);
                    break;
            }
        }

        return actors;
    }
}
