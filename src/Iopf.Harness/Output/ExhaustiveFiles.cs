using Iopf.Exhaustive;
using Iopf.Harness.Reports;
using Iopf.Protocol.Configuration;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Harness.Output;

/// <summary>
/// The files of `iopf exhaustive`: per violated world &lt;world&gt;.exhaustive.schedule.json (read by `iopf
/// replay` and `iopf trace`) and its rendered trace (.counterexample.txt/.mmd/.md); a world that holds moves an
/// earlier run's files to superseded/; the reports asked for.
/// </summary>
public static class ExhaustiveFiles
{
    public static StagedFiles Stage(string directory, IReadOnlyList<WorldDefinition> worlds, IReadOnlyList<Mutant> mutants, IReadOnlyList<(string Name, ExhaustiveResult Result)> results, IReadOnlyList<string> reports)
    {
        var files = new StagedFiles(directory);
        var reported = new List<(string Name, ExhaustiveResult Result, string? Schedule)>();
        for (var i = 0; i < results.Count; i++)
        {
            var (name, result) = results[i];
            var stem = name + ExhaustiveSchedule.Stem;
            if (result.Violation is not { } violation)
            {
                // Only a complete search contradicts an earlier counterexample; a bounded one proves nothing.
                if (result.Complete)
                {
                    files.Supersede(stem, CounterexampleFiles.NamesOf(stem).Select(n => Path.Combine(directory, n)), $"no violation of {name} in every interleaving");
                }

                reported.Add((name, result, null));
                continue;
            }

            var schedule = ExhaustiveSchedule.Of(worlds[i], mutants, violation);
            var schedulePath = Path.Combine(directory, CounterexampleFiles.ScheduleName(stem));
            files.Add(schedulePath, schedule.ToJson());
            var trace = ExhaustiveTrace.Of(name, [.. mutants.Select(m => m.ToString())], violation.Steps, violation.Kind, violation.Property, violation.Verdict);
            CounterexampleFiles.StageTrace(files, schedulePath, trace, schedule.EngineFingerprint, [ReplayCommands.Iopf("replay", schedulePath)]);
            reported.Add((name, result, Path.GetFileName(schedulePath)));
        }

        if (reports.Contains(ReportFormat.Json))
        {
            files.Add(Path.Combine(directory, ExhaustiveReport.JsonFileName), ExhaustiveReport.Json(reported, ExhaustiveSchedule.CurrentFingerprint));
        }

        if (reports.Contains(ReportFormat.JUnit))
        {
            files.Add(Path.Combine(directory, ExhaustiveReport.JUnitFileName), ExhaustiveReport.JUnit(reported));
        }

        return files;
    }
}
