using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;

namespace Iopf.Protocol.Coverage;

/// <summary>
/// The points an exploration reached, fed by every engine with the steps it ran (the message a party took, the facts
/// the step observed, the decisions it consulted). A set, so the result does not depend on how often or in which
/// order a point was hit: the same exploration gives the same coverage.
/// </summary>
public sealed class CoverageTally
{
    private readonly HashSet<CoveragePoint> reached = [];

    /// <summary>The points reached, in <see cref="CoveragePoint"/> order.</summary>
    public IReadOnlyList<CoveragePoint> Reached => [.. reached.Order()];

    public int Count => reached.Count;

    /// <summary>One step: the message taken (null for the world's setup), what it observed, what it consulted.</summary>
    public void Add(Message? message, IEnumerable<Observation> observations, ulong decisions)
    {
        if (message is not null)
        {
            reached.Add(new CoveragePoint(CoverageKind.Step, message.GetType().Name));
        }

        foreach (var observation in observations)
        {
            reached.Add(new CoveragePoint(CoverageKind.Observation, observation.GetType().Name));
        }

        for (var i = 0; decisions != 0; i++, decisions >>= 1)
        {
            if ((decisions & 1) != 0)
            {
                reached.Add(new CoveragePoint(CoverageKind.Decision, DecisionLog.Decisions[i].Name));
            }
        }
    }

    /// <summary>A point another tally reached (merging tallies: worlds, engines).</summary>
    public void Add(CoveragePoint point) => reached.Add(point);

    public bool Contains(CoveragePoint point) => reached.Contains(point);

    /// <summary>Points reached out of all, per kind: "steps 20/27, facts 18/24, decisions 9/28".</summary>
    public string Summary() => string.Join(", ", Enum.GetValues<CoverageKind>().Select(kind =>
        $"{Label(kind)} {reached.Count(p => p.Kind == kind)}/{CoveragePoint.All.Count(p => p.Kind == kind)}"));

    private static string Label(CoverageKind kind) => kind switch
    {
        CoverageKind.Step => "steps",
        CoverageKind.Observation => "facts",
        _ => "decisions",
    };
}
