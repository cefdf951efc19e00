using Iopf.Models.Exploration;
using Iopf.Models.Scenarios;

namespace Iopf.Harness.Running;

/// <summary>One scenario to explore (with the chosen mutants switched on) and its budget after the command-line overrides.</summary>
public sealed record ScenarioRun(Scenario Scenario, ExplorationBudget Budget);
