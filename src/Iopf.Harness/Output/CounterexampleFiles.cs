using Iopf.Models.Tracing;

namespace Iopf.Harness.Output;

/// <summary>
/// The files of one counterexample, named after the schedule: &lt;base&gt;.schedule.json (our header + Coyote's
/// trace), &lt;base&gt;.trace (Coyote's raw trace, for `dotnet coyote replay`), and the canonical trace as
/// &lt;base&gt;.counterexample.txt, .mmd (Mermaid) and .md (report).
/// </summary>
public static class CounterexampleFiles
{
    public const string CoyoteTraceExtension = ".trace";

    public static string ScheduleName(string world) => world + ScheduleFile.Extension;

    /// <summary>The base path of a schedule path (without .schedule.json, or without its last extension for other names).</summary>
    public static string BaseOf(string schedulePath) =>
        schedulePath.EndsWith(ScheduleFile.Extension, StringComparison.Ordinal)
            ? schedulePath[..^ScheduleFile.Extension.Length]
            : Path.Combine(Path.GetDirectoryName(schedulePath) ?? string.Empty, Path.GetFileNameWithoutExtension(schedulePath));

    /// <summary>Stages the rendered trace (text, Mermaid, Markdown) beside the schedule, or into outDirectory when given.</summary>
    public static void StageTrace(StagedFiles files, string schedulePath, CanonicalTrace trace, string fingerprint, IReadOnlyList<string> commands, string? outDirectory = null)
    {
        var basePath = outDirectory is null ? BaseOf(schedulePath) : Path.Combine(outDirectory, Path.GetFileName(BaseOf(schedulePath)));
        files.Add(basePath + ".counterexample.txt", TraceTextRenderer.Render(trace));
        files.Add(basePath + ".counterexample.mmd", MermaidRenderer.Render(trace));
        files.Add(basePath + ".counterexample.md", CounterexampleReport.Render(trace, fingerprint, ReplayCommands.From, commands));
    }

    /// <summary>How to reproduce a counterexample: with the harness, and from the raw trace with Coyote's CLI.</summary>
    public static IReadOnlyList<string> Commands(string schedulePath, ScheduleFile schedule) =>
    [
        ReplayCommands.Iopf("replay", schedulePath),
        ReplayCommands.Coyote(WorldArgument(schedule), [.. schedule.Mutants.Select(m => m.ToString())], BaseOf(schedulePath) + CoyoteTraceExtension),
    ];

    /// <summary>What IOPF_WORLD must say to replay the schedule's raw trace with Coyote's CLI: a built-in world's name, else its file.</summary>
    public static string WorldArgument(ScheduleFile schedule) => schedule.World.IsBuiltIn ? schedule.World.Name : schedule.World.Origin;

    /// <summary>Every file name a counterexample named stem has in the out directory.</summary>
    public static IEnumerable<string> NamesOf(string stem)
    {
        return [stem + ScheduleFile.Extension, stem + CoyoteTraceExtension, stem + ".counterexample.txt", stem + ".counterexample.mmd", stem + ".counterexample.md"];
    }

    /// <summary>Stages every sampled world's counterexample, and moves to superseded/ those an earlier run left for a world that now held.</summary>
    public static void StageResults(StagedFiles files, string outDirectory, IReadOnlyList<Running.WorldResult> results)
    {
        foreach (var result in results)
        {
            if (result.Schedule is { } schedule && result.Trace is { } trace)
            {
                StageAll(files, outDirectory, schedule, trace);
            }
            else
            {
                // A counterexample left by an earlier run would contradict this run's verdict, yet it is evidence
                // (a bigger budget found it): it moves aside instead of being deleted.
                var world = result.Run.World.Name;
                files.Supersede(world, NamesOf(world).Select(name => Path.Combine(outDirectory, name)), $"no violation of {world} in this run");
            }
        }
    }

    /// <summary>Stages everything of a counterexample found by `run`: schedule, raw Coyote trace, rendered trace.</summary>
    /// <param name="baseName">The files' common name; default: the world's name (`mutants` names them after the mutant).</param>
    public static void StageAll(StagedFiles files, string outDirectory, ScheduleFile schedule, CanonicalTrace trace, string? baseName = null)
    {
        var schedulePath = Path.Combine(outDirectory, ScheduleName(baseName ?? schedule.World.Name));
        files.Add(schedulePath, schedule.ToJson());
        files.Add(BaseOf(schedulePath) + CoyoteTraceExtension, schedule.CoyoteTrace);
        StageTrace(files, schedulePath, trace, schedule.ModelFingerprint, Commands(schedulePath, schedule));
    }
}
