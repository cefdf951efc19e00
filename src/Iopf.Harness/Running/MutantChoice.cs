using Iopf.Models.Entry;
using Iopf.Worlds.Mutants;

namespace Iopf.Harness.Running;

/// <summary>
/// The --mutant options of a command, each one name. MutantSelection reads a comma-separated list (the form of
/// IOPF_MUTANTS), which would drop an empty name, split a name with a comma in it, and switch a mutant on
/// twice without a word; on the command line each of these is a mistake and is refused.
/// </summary>
public static class MutantChoice
{
    public static IReadOnlyList<Mutant> Parse(IReadOnlyList<string> names)
    {
        var seen = new List<string>();
        foreach (var name in names)
        {
            if (name.Trim() is not [var first, ..] || !char.IsLetter(first) || name.Contains(','))
            {
                throw new UnknownNameException("mutant", name, Mutant.Names);
            }

            if (seen.Contains(name, StringComparer.Ordinal))
            {
                throw new UsageException($"--mutant: '{name}' is named twice");
            }

            seen.Add(name);
        }

        return MutantSelection.Parse(string.Join(",", names));
    }
}
