using System.CommandLine;
using Iopf.Harness.Output;
using Iopf.Harness.Rendering;
using Iopf.Harness.Running;

namespace Iopf.Harness.Commands;

/// <summary>
/// `iopf replay &lt;schedule&gt;`: reproduces a recorded counterexample on this build, prints the verdict and
/// writes the canonical trace beside the schedule. Exit 1 when the violation reproduces, 2 when the schedule
/// cannot be used (including one that no longer reproduces its recorded verdict).
/// </summary>
public static class ReplayCommand
{
    public static Command Create(CliOutput output) =>
        ScheduleCommand.Create("replay", "Reproduce a recorded counterexample and write its canonical trace beside it", output, Print);

    private static void Print(ScheduleReplay replay, StagedFiles files, TextWriter writer)
    {
        var mutants = replay.Mutants.Count == 0 ? "no mutants" : "mutants " + string.Join(", ", replay.Mutants);
        writer.WriteLine($"replayed {replay.World} ({mutants}), {replay.Steps}");
        var verdict = replay.Trace.Verdict;
        writer.WriteLine($"{verdict.Property} VIOLATED: {verdict.Text}");
        if (verdict.OutstandingObligation is { } owed)
        {
            writer.WriteLine($"still owed: {owed}");
        }

        foreach (var line in files.Summary())
        {
            writer.WriteLine(line);
        }
    }
}
