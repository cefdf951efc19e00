namespace Iopf.Invariants;

/// <summary>What Z3 concluded about one invariant.</summary>
public enum InvariantOutcome
{
    /// <summary>The negation is unsat: the statement holds for all values.</summary>
    Proved,

    /// <summary>The negation is sat: <see cref="InvariantResult.Counterexample"/> shows values that break it.</summary>
    Refuted,

    /// <summary>Z3 gave up (unknown).</summary>
    Unknown,

    /// <summary>Z3 rejected the SMT text; <see cref="InvariantResult.Error"/> says why.</summary>
    Error,
}

/// <summary>
/// One checked invariant. Elapsed is the Z3 time for the note in reports; it is information, never a verdict.
/// </summary>
public sealed record InvariantResult(
    string Name,
    string Statement,
    Expectation Expected,
    InvariantOutcome Outcome,
    TimeSpan Elapsed,
    string? Counterexample,
    string? Error,
    string Group = "model")
{
    /// <summary>Proved when it should be, refuted when it is a broken twin.</summary>
    public bool AsExpected => Outcome == (Expected == Expectation.Proved ? InvariantOutcome.Proved : InvariantOutcome.Refuted);
}
