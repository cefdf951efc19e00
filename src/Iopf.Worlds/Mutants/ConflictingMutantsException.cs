namespace Iopf.Worlds.Mutants;

/// <summary>Two mutants switched on together take different choices at the same decision point.</summary>
public sealed class ConflictingMutantsException(Mutant first, Mutant second)
    : ArgumentException($"mutants {first.Name} and {second.Name} both decide {first.Choice.GetType().Name}; switch on one of them");
