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
    /// <summary>The results of the worlds finished; after Ctrl-C (<see cref="Interruption"/>) fewer than runs.</summary>
    public static IReadOnlyList<WorldResult> Execute(IReadOnlyList<WorldRun> runs, int shards, IAnsiConsole console)
    {
        using var handled = Interruption.Handled();
        if (!console.Profile.Capabilities.Interactive)
        {
            var plain = new List<WorldResult>();
            for (var i = 0; i < runs.Count && !Interruption.IsRequested; i++)
            {
                Rendering.PlainProgress.Started(console, runs[i], i, runs.Count);
                if (ExploreOne(runs[i], shards, () => { }) is not { } result)
                {
                    break;
                }

                plain.Add(result);
                Rendering.PlainProgress.Finished(console, result, i, runs.Count);
            }

            return plain;
        }

        var results = new List<WorldResult>();
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = runs.Select(r => context.AddTask(r.World.Name, autoStart: false, maxValue: r.Budget.Iterations)).ToList();
                for (var i = 0; i < runs.Count && !Interruption.IsRequested; i++)
                {
                    var task = tasks[i];
                    task.StartTask();
                    if (ExploreOne(runs[i], shards, () => task.Increment(1)) is not { } result)
                    {
                        task.StopTask();
                        break;
                    }

                    results.Add(result);

                    // A bug ends the search early: show the bar as done rather than stuck part-way.
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            });
        return results;
    }

    /// <summary>One world explored, or null when Ctrl-C abandoned it (its outcome would be the interruption's).</summary>
    private static WorldResult? ExploreOne(WorldRun run, int shards, Action onIteration)
    {
        var clock = Stopwatch.StartNew();
        var outcome = ShardedExplorer.Explore(run.World, run.Budget, shards, () =>
        {
            Interruption.ThrowIfRequested();
            onIteration();
        });
        if (Interruption.IsRequested)
        {
            return null;
        }

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
