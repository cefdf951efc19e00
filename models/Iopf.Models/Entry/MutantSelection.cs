using Iopf.Worlds.Mutants;

namespace Iopf.Models.Entry;

/// <summary>
/// Reads which mutants to switch on from the environment (IOPF_MUTANTS=Name[,Name]), so the same
/// [Test] entry points serve the correct model and every broken variant under `dotnet coyote test`.
/// </summary>
public static class MutantSelection
{
    public const string Variable = "IOPF_MUTANTS";

    public static IReadOnlyList<Mutant> FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>
    /// Parses a comma-separated list of mutant names (matched exactly); an unknown name is an error that lists
    /// the valid ones, and two mutants at the same decision point are refused.
    /// </summary>
    public static IReadOnlyList<Mutant> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var mutants = new List<Mutant>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            mutants.Add(Mutant.Find(name) ?? throw new UnknownNameException("mutant", name, Mutant.Names));
        }

        _ = Mutant.Rules(mutants);
        return mutants;
    }
}

/// <summary>A scenario, mutant or design name that does not exist; the message lists the valid names.</summary>
public sealed class UnknownNameException(string kind, string name, IEnumerable<string> valid)
    : Exception($"unknown {kind} '{name}'; valid: {string.Join(", ", valid)}");
