namespace Iopf.Invariants.Z3Native;

/// <summary>What Z3 answered to a (check-sat).</summary>
public enum SmtOutcome
{
    Unsat,
    Sat,
    Unknown,
    Error,
}

/// <summary>
/// The answer to one query: the outcome, the model when sat (constant name to value; Bool true/false as 1/0),
/// and the one-line error when Z3 rejected the text.
/// </summary>
public sealed record SmtResult(SmtOutcome Outcome, IReadOnlyDictionary<string, UInt128> Model, string? Error)
{
    private static readonly IReadOnlyDictionary<string, UInt128> NoModel = new Dictionary<string, UInt128>();

    public static SmtResult Unsat { get; } = new(SmtOutcome.Unsat, NoModel, null);

    public static SmtResult Unknown { get; } = new(SmtOutcome.Unknown, NoModel, null);

    public static SmtResult Sat(IReadOnlyDictionary<string, UInt128> model) => new(SmtOutcome.Sat, model, null);

    public static SmtResult Failed(string error) => new(SmtOutcome.Error, NoModel, error);
}
