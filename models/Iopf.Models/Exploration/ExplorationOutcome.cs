using Iopf.Protocol.Coverage;
using Iopf.Worlds.Sampling;

namespace Iopf.Models.Exploration;

/// <summary>
/// What exploring one world found. When a property was violated: which one (the monitor's name), its
/// verdict, the schedule that reproduces it (Coyote's reproducible trace), and how far the search went.
/// </summary>
public sealed record ExplorationOutcome(
    string World,
    ExplorationBudget Budget,
    uint IterationsRun,
    string? ViolatedProperty,
    string? Verdict,
    string? ReproducibleTrace,
    int StepsInBugTrace,
    long TotalSteps)
{
    public bool Holds => ViolatedProperty is null;

    /// <summary>The coverage points the sampled schedules reached (<see cref="CoveragePoint.All"/> lists every one).</summary>
    public IReadOnlyList<CoveragePoint> Reached { get; init; } = [];
}
