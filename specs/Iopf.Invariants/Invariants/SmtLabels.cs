using System.Text;

namespace Iopf.Invariants;

/// <summary>
/// Builds the "some clause is violated" part of a negated invariant: each clause gets a named Bool constant,
/// so a model says which clause failed rather than only that one did.
/// </summary>
internal sealed class SmtLabels
{
    private readonly List<string> names = [];
    private readonly StringBuilder text = new();

    public IReadOnlyList<string> Names => names;

    /// <summary>Declares <paramref name="label"/> as true exactly when <paramref name="violation"/> holds.</summary>
    public SmtLabels Add(string label, string violation)
    {
        names.Add(label);
        text.Append($"(declare-const {label} Bool)\n(assert (= {label} {violation}))\n");
        return this;
    }

    /// <summary>The label definitions, the assertion that at least one holds, and (check-sat).</summary>
    public string AssertAnyAndCheck() =>
        text + (names.Count == 1 ? $"(assert {names[0]})\n" : $"(assert (or {string.Join(' ', names)}))\n") + "(check-sat)\n";
}
