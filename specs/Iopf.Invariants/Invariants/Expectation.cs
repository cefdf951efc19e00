namespace Iopf.Invariants;

/// <summary>What the suite expects Z3 to conclude: a real invariant is proved, a broken twin is refuted.</summary>
public enum Expectation
{
    Proved,
    Refuted,
}
