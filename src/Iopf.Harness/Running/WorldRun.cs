using Iopf.Worlds;
using Iopf.Worlds.Sampling;

namespace Iopf.Harness.Running;

/// <summary>One world to explore (with the chosen mutants switched on) and its budget after the command-line overrides.</summary>
public sealed record WorldRun(WorldDefinition World, ExplorationBudget Budget);
