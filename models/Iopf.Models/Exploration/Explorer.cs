using System.Text.Json;
using Iopf.Models.Scenarios;
using Microsoft.Coyote;
using Microsoft.Coyote.Actors;
using Microsoft.Coyote.SystematicTesting;

namespace Iopf.Models.Exploration;

/// <summary>
/// Explores a scenario in-process with Coyote's TestingEngine, and replays a recorded schedule. This is what
/// `dotnet coyote test` does, minus the process boundary; the tests and the harness both go through here.
/// </summary>
public static class Explorer
{
    public static ExplorationOutcome Explore(Scenario scenario, ExplorationBudget budget, Action<IActorRuntime>? instrument = null)
    {
        var configuration = Base(budget)
            .WithTestingIterations(budget.Iterations)
            .WithRandomGeneratorSeed(budget.Seed)
            .Apply(budget.Strategy, budget.StrategyBound);
        return Run(scenario, budget, configuration, instrument, null);
    }

    /// <summary>Replays one schedule (a Coyote reproducible trace) against the scenario.</summary>
    public static ExplorationOutcome Replay(Scenario scenario, ExplorationBudget budget, string reproducibleTrace, Action<IActorRuntime>? instrument = null)
    {
        var configuration = Base(budget).WithReproducibleTrace(reproducibleTrace);
        return Run(scenario, budget, configuration, instrument, reproducibleTrace);
    }

    private static Configuration Base(ExplorationBudget budget) => Configuration.Create()
        .WithMaxSchedulingSteps(budget.MaxSteps)
        .WithTelemetryEnabled(false)
        .WithVerbosityEnabled(Microsoft.Coyote.Logging.VerbosityLevel.None);

    private static ExplorationOutcome Run(Scenario scenario, ExplorationBudget budget, Configuration configuration, Action<IActorRuntime>? instrument, string? replayed)
    {
        void Entry(IActorRuntime runtime)
        {
            instrument?.Invoke(runtime);
            ScenarioRunner.Start(runtime, scenario.Config);
        }

        using var engine = TestingEngine.Create(configuration, (Action<IActorRuntime>)Entry);
        engine.Run();
        var report = engine.TestReport;
        var iterations = (uint)(report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths);
        var totalSteps = report.TotalExploredFairSteps + report.TotalExploredUnfairSteps;
        if (report.NumOfFoundBugs == 0)
        {
            return new ExplorationOutcome(scenario.Name, budget, iterations, null, null, null, 0, totalSteps);
        }

        var bug = report.BugReports.First();
        // A replay does not record a new trace: the schedule is the one replayed.
        var trace = string.IsNullOrEmpty(engine.ReproducibleTrace) ? replayed ?? string.Empty : engine.ReproducibleTrace;
        return new ExplorationOutcome(scenario.Name, budget, iterations, BugReportReader.PropertyOf(bug), bug, trace, CountDecisions(trace), totalSteps);
    }

    /// <summary>Scheduling decisions recorded in a reproducible trace: the length of the counterexample.</summary>
    public static int CountDecisions(string reproducibleTrace)
    {
        using var doc = JsonDocument.Parse(reproducibleTrace);
        return doc.RootElement.TryGetProperty("Steps", out var steps) && steps.ValueKind == JsonValueKind.Array
            ? steps.GetArrayLength()
            : 0;
    }
}
