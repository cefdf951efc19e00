using Iopf.Protocol.Observations;
using Iopf.Specs.Properties;

namespace Iopf.Specs.Judging;

/// <summary>
/// Shows observations to property checkers and says which one objects first. Every engine judges through
/// this: each Coyote monitor (a judge over its one property), the exhaustive explorer's states and replays,
/// the reference run and the trace recorder. After a violation the checkers' states are spent: every host
/// stops judging there (Coyote ends the run, the explorer the path), so what later properties would have
/// made of the same observations never matters.
/// </summary>
public sealed class Judge(IReadOnlyList<IProperty> properties)
{
    /// <summary>A judge over fresh checkers of every property, in reporting order.</summary>
    public static Judge OfEveryProperty() => new(PropertySet.Create());

    public IReadOnlyList<IProperty> Properties => properties;

    /// <summary>Judges one observation (an observation made outside any step, e.g. by a monitor's host).</summary>
    public Verdict? Observe(Observation observation) => Observe([observation]);

    /// <summary>Judges a step's observations, in order; the first violation (see <see cref="FirstViolation"/>), or null.</summary>
    public Verdict? Observe(IReadOnlyList<Observation> observations)
    {
        var first = new FirstViolation();
        for (var i = 0; i < properties.Count; i++)
        {
            if (Breach(properties[i], observations) is var (at, sentence))
            {
                first.Offer(i, at, sentence);
            }
        }

        return first.Sentence is { } winner ? new Verdict(properties[first.Property].Name, winner) : null;
    }

    /// <summary>The first property (in reporting order) that still owes something, or null.</summary>
    public Verdict? FirstObligation()
    {
        foreach (var property in properties)
        {
            if (property.Obligation is { } owed)
            {
                return new Verdict(property.Name, owed);
            }
        }

        return null;
    }

    /// <summary>
    /// One checker reads the observations of its types in order, up to the first it rejects: that observation's
    /// position and the checker's sentence, or null. The one place an observation reaches a checker.
    /// </summary>
    public static (int At, string Sentence)? Breach(IProperty property, IReadOnlyList<Observation> observations)
    {
        for (var k = 0; k < observations.Count; k++)
        {
            var observation = observations[k];
            if (property.Observes.Contains(observation.GetType()) && property.Observe(observation) is { } sentence)
            {
                return (k, sentence);
            }
        }

        return null;
    }
}
