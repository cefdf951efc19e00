using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;

namespace Iopf.Protocol.Coverage;

/// <summary>What a coverage point counts: a message taken by its party, a fact observed, a decision point consulted.</summary>
public enum CoverageKind
{
    Step,
    Observation,
    Decision,
}

/// <summary>One thing an exploration can reach, named in the protocol's terms (a message, a fact or a decision type's name).</summary>
public sealed record CoveragePoint(CoverageKind Kind, string Name) : IComparable<CoveragePoint>
{
    /// <summary>
    /// Every point, from the protocol's own types: each message any party takes, each kind of fact, each decision of
    /// <see cref="Rules.ProtocolRules"/>. Nothing is listed by hand, so a new message, fact or decision is a new point.
    /// </summary>
    public static IReadOnlyList<CoveragePoint> All { get; } =
    [
        .. Concrete(typeof(Message)).Select(t => new CoveragePoint(CoverageKind.Step, t.Name)),
        .. Concrete(typeof(Observation)).Select(t => new CoveragePoint(CoverageKind.Observation, t.Name)),
        .. DecisionLog.Decisions.Select(t => new CoveragePoint(CoverageKind.Decision, t.Name)).Order(),
    ];

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Name}";

    public int CompareTo(CoveragePoint? other) =>
        other is null ? 1 : Kind != other.Kind ? Kind.CompareTo(other.Kind) : string.CompareOrdinal(Name, other.Name);

    private static IEnumerable<Type> Concrete(Type root) =>
        root.Assembly.GetTypes().Where(t => !t.IsAbstract && root.IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal);
}
