using Iopf.Worlds.Sampling;

namespace Iopf.Worlds.Plan;

/// <summary>
/// What to verify by default and how hard (coyote.json): the Coyote budget every world starts from, the
/// worlds to check when none is named, and the exhaustive explorer's bounds.
/// </summary>
public sealed record VerificationPlan(
    ExplorationBudget Defaults,
    IReadOnlyList<WorldDefinition> Worlds,
    int? MaxStates,
    int? MaxDepth,
    string Source)
{
    public const string FileName = "coyote.json";

    /// <summary>The budget of the repository's coyote.json, used where no plan file is given or found (tested equal).</summary>
    public static ExplorationBudget BuiltInDefaults { get; } = new(Iterations: 1000, Strategy: Strategy.Random, MaxSteps: 2000, Seed: 1, StrategyBound: 10);

    /// <summary>Every built-in world with the built-in budget: what runs outside the repository without a coyote.json.</summary>
    public static VerificationPlan BuiltIn { get; } = new(BuiltInDefaults, WorldCatalog.BuiltIn, null, null, "built-in plan");

    /// <summary>The Coyote budget of one world under this plan: the world's own values over the plan's defaults.</summary>
    public ExplorationBudget BudgetOf(WorldDefinition world) => world.Sampling.ApplyTo(Defaults);

    /// <summary>
    /// The world a --world argument names: a world of this plan, a built-in world, or a world file (a relative
    /// path is taken from the current directory, as a shell user expects).
    /// </summary>
    public WorldDefinition Resolve(string nameOrPath) =>
        WorldCatalog.IsPath(nameOrPath)
            ? WorldCatalog.Resolve(nameOrPath)
            : Worlds.FirstOrDefault(w => w.Name == nameOrPath) ?? WorldCatalog.Resolve(nameOrPath);
}
