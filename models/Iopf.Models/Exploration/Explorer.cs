using Iopf.Protocol.Coverage;
using System.Text.Json;
using Iopf.Models.Entry;
using Iopf.Worlds;
using Iopf.Worlds.Sampling;
using Microsoft.Coyote;
using Microsoft.Coyote.Actors;
using Microsoft.Coyote.SystematicTesting;

namespace Iopf.Models.Exploration;

/// <summary>
/// Explores a world in-process with Coyote's TestingEngine, and replays a recorded schedule. This is what
/// `dotnet coyote test` does, minus the process boundary; the tests and the harness both go through here.
/// </summary>
public static class Explorer
{
    /// <param name="properties">The properties to monitor (null: all); the design matrix switches off one it already saw violated to look for the others.</param>
    public static ExplorationOutcome Explore(WorldDefinition world, ExplorationBudget budget, Action<IActorRuntime>? instrument = null, IReadOnlyCollection<string>? properties = null)
    {
        var configuration = Base(budget)
            .WithTestingIterations(budget.Iterations)
            .WithRandomGeneratorSeed(budget.Seed)
            .Apply(budget.Strategy, budget.StrategyBound);
        return Run(world, budget, configuration, instrument, null, properties);
    }

    /// <summary>Replays one schedule (a Coyote reproducible trace) against the world.</summary>
    public static ExplorationOutcome Replay(WorldDefinition world, ExplorationBudget budget, string reproducibleTrace, Action<IActorRuntime>? instrument = null, IReadOnlyCollection<string>? properties = null)
    {
        var configuration = Base(budget).WithReproducibleTrace(reproducibleTrace);
        return Run(world, budget, configuration, instrument, reproducibleTrace, properties);
    }

    // A hot monitor that stays hot for half the step bound is a liveness bug (livelock), not just a long run.
    private static Configuration Base(ExplorationBudget budget) => Configuration.Create()
        .WithMaxSchedulingSteps(budget.MaxSteps)
        .WithLivenessTemperatureThreshold(Math.Max(1, budget.MaxSteps / 2))
        .WithTelemetryEnabled(false)
        .WithVerbosityEnabled(Microsoft.Coyote.Logging.VerbosityLevel.None);

    private static ExplorationOutcome Run(WorldDefinition world, ExplorationBudget budget, Configuration configuration, Action<IActorRuntime>? instrument, string? replayed, IReadOnlyCollection<string>? properties)
    {
        // Iterations of one engine run one after another, so one tally serves them all.
        var coverage = new CoverageTally();
        void Entry(IActorRuntime runtime)
        {
            instrument?.Invoke(runtime);
            WorldRunner.Start(runtime, world.Config, properties, coverage);
        }

        using var engine = TestingEngine.Create(configuration, (Action<IActorRuntime>)Entry);
        engine.Run();
        var report = engine.TestReport;
        var iterations = (uint)(report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths);
        var totalSteps = report.TotalExploredFairSteps + report.TotalExploredUnfairSteps;
        if (report.NumOfFoundBugs == 0)
        {
            return new ExplorationOutcome(world.Name, budget, iterations, null, null, null, 0, totalSteps) { Reached = coverage.Reached };
        }

        var bug = report.BugReports.First();
        // A replay does not record a new trace: the schedule is the one replayed.
        var trace = string.IsNullOrEmpty(engine.ReproducibleTrace) ? replayed ?? string.Empty : engine.ReproducibleTrace;
        return new ExplorationOutcome(world.Name, budget, iterations, BugReportReader.PropertyOf(bug), bug, trace, CountDecisions(trace), totalSteps) { Reached = coverage.Reached };
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
