using System.Diagnostics;
using Iopf.Models.Tracing;
using Spectre.Console;

namespace Iopf.Harness.Running;

/// <summary>
/// Explores the planned worlds one after another (each possibly sharded), with a progress bar on an
/// interactive terminal (plain lines elsewhere), and replays every counterexample once with the trace recorder attached.
/// </summary>
public static class RunSession
{
    public static IReadOnlyList<WorldResult> Execute(IReadOnlyList<WorldRun> runs, int shards, IAnsiConsole console)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var plain = new List<WorldResult>();
            for (var i = 0; i < runs.Count; i++)
            {
                Rendering.PlainProgress.Started(console, runs[i], i, runs.Count);
                plain.Add(ExploreOne(runs[i], shards, () => { }));
                Rendering.PlainProgress.Finished(console, plain[^1], i, runs.Count);
            }

            return plain;
        }

        var results = new List<WorldResult>();
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = runs.Select(r => context.AddTask(r.World.Name, autoStart: false, maxValue: r.Budget.Iterations)).ToList();
                for (var i = 0; i < runs.Count; i++)
                {
                    var task = tasks[i];
                    task.StartTask();
                    results.Add(ExploreOne(runs[i], shards, () => task.Increment(1)));

                    // A bug ends the search early: show the bar as done rather than stuck part-way.
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });
        return results;
    }

    private static WorldResult ExploreOne(WorldRun run, int shards, Action onIteration)
    {
        var clock = Stopwatch.StartNew();
        var outcome = ShardedExplorer.Explore(run.World, run.Budget, shards, onIteration);
        if (outcome.Holds || outcome.ReproducibleTrace is not { } coyoteTrace)
        {
            return new WorldResult(run, outcome, shards, null, null, clock.Elapsed);
        }

        var (_, trace) = TracedReplay.Run(run.World, outcome.Budget, coyoteTrace);
        var schedule = new ScheduleFile(
            run.World,
            [.. run.World.Mutants.OrderBy(m => m.Name, StringComparer.Ordinal)],
            outcome.Budget,
            ModelFingerprint.Current,
            outcome.ViolatedProperty!,
            outcome.Verdict ?? string.Empty,
            coyoteTrace);
        return new WorldResult(run, outcome, shards, schedule, trace, clock.Elapsed);
    }
}
