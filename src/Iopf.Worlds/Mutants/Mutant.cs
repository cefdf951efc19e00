using Iopf.Protocol.Rules;

namespace Iopf.Worlds.Mutants;

/// <summary>
/// One deliberately broken variant of the protocol: a bug a real device, driver, IOMMU or VMM could ship. It is
/// applied by taking one non-default choice at one decision point (<see cref="Choice"/>), never by editing
/// code, so every engine can be shown to catch it. The rows are in MutantTable.cs.
/// </summary>
/// <param name="Name">What `--mutant`, IOPF_MUTANTS, schedule files and reports call it (matched exactly).</param>
/// <param name="Description">One sentence: who does what wrong.</param>
/// <param name="Choice">The mechanism: the decision (the enum's type, a property of <see cref="ProtocolRules"/>) and the non-default choice taken.</param>
/// <param name="Source">The public fix, erratum or spec clause the bug comes from, or "illustrative" with the class of bug it stands for.</param>
/// <param name="World">The Coyote world whose races expose it (sampled by `iopf mutants`).</param>
/// <param name="Property">The property that must catch it, in that world and exhaustively.</param>
/// <param name="Exhaustive">Where the exhaustive explorer catches it, and its pinned shortest counterexample.</param>
/// <param name="Witness">The mutant that shows <see cref="Property"/>'s monitor can fail (one per property).</param>
/// <param name="BeyondSampling">Why sampled exploration does not reliably reach it within the default budget, when it does not; it is then left to the exhaustive explorer.</param>
public sealed partial record Mutant(
    string Name,
    string Description,
    Enum Choice,
    string Source,
    string World,
    string Property,
    ExhaustivePin Exhaustive,
    bool Witness = false,
    string? BeyondSampling = null)
{
    /// <summary>The mechanism as text, e.g. "CompletionPublication.BeforeCopy".</summary>
    public string Mechanism => $"{Choice.GetType().Name}.{Choice}";

    /// <summary>The hardware or software mechanism the decision belongs to (its <see cref="MechanismAttribute"/>), e.g. "posted writes in flight".</summary>
    public string Area => Choice.GetType().GetCustomAttributes(typeof(MechanismAttribute), false) is [MechanismAttribute a]
        ? a.Name
        : throw new InvalidOperationException($"decision {Choice.GetType().Name} names no mechanism");

    /// <summary>Every mutant's name, in table order.</summary>
    public static IReadOnlyList<string> Names => [.. All.Select(m => m.Name)];

    /// <summary>The mutants the default sampled exploration of coyote.json must kill.</summary>
    public static IReadOnlyList<Mutant> Sampled => [.. All.Where(m => m.BeyondSampling is null)];

    /// <summary>The mutant of that name (matched exactly, as `--mutant` always has), or null.</summary>
    public static Mutant? Find(string name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    /// <summary>The mutant whose witness shows <paramref name="property"/>'s monitor can fail.</summary>
    public static Mutant WitnessFor(string property) => All.Single(m => m.Witness && m.Property == property);

    /// <summary>
    /// The rules with each mutant's choice taken. Two mutants at the same decision cannot both be on (one
    /// decision takes one choice), so that is refused rather than letting the order decide.
    /// </summary>
    public static ProtocolRules Rules(IEnumerable<Mutant> mutants)
    {
        var rules = ProtocolRules.Correct;
        var taken = new Dictionary<Type, Mutant>();
        foreach (var m in mutants.Distinct())
        {
            if (taken.TryGetValue(m.Choice.GetType(), out var other))
            {
                throw new ConflictingMutantsException(other, m);
            }

            taken[m.Choice.GetType()] = m;
            rules = rules.With(m.Choice);
        }

        return rules;
    }

    /// <summary>The name, which is what reports, traces and schedule files print.</summary>
    public override string ToString() => Name;
}

/// <summary>
/// Where the exhaustive explorer catches a mutant: the small world, the kind of violation (a name of
/// Iopf.Exhaustive's ViolationKind) and the length of the shortest counterexample, which is pinned.
/// </summary>
public sealed record ExhaustivePin(string World, string Kind, int Length);
