using System.Globalization;
using Iopf.Harness.Running;
using Iopf.Models.Exploration;
using Iopf.Specs.Properties;
using Spectre.Console;

namespace Iopf.Harness.Rendering;

/// <summary>
/// The end-of-run table: one row per world with its verdict, iterations and time. One verdict column
/// instead of one column per property keeps the table readable at 80 columns: property names would be
/// truncated as headers, and world names never wrap (they are not words).
/// </summary>
public static class VerdictTable
{
    public static Table Build(IReadOnlyList<WorldResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Verdicts");
        table.AddColumn(new TableColumn("World").NoWrap());
        table.AddColumn(new TableColumn("Verdict"));
        table.AddColumn(new TableColumn("Iterations").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Time").RightAligned().NoWrap());
        foreach (var result in results)
        {
            table.AddRow(
                Markup.Escape(result.Run.World.Name),
                VerdictCell(result),
                $"{result.Outcome.IterationsRun.ToString(CultureInfo.InvariantCulture)}/{result.Run.Budget.Iterations.ToString(CultureInfo.InvariantCulture)}",
                result.Elapsed.TotalSeconds.ToString("0.0s", CultureInfo.InvariantCulture));
        }

        table.Caption("Coyote samples schedules (no exhaustive search): 'holds' means no violation in the iterations run; a violation stops the search, so the other properties are not checked further.");
        return table;
    }

    private static string VerdictCell(WorldResult result)
    {
        if (result.Outcome.Holds)
        {
            return $"[green]all {PropertySet.Names.Count} hold[/]";
        }

        var notChecked = PropertyVerdicts.All(result).Count(p => p.Verdict == PropertyVerdict.NotCheckedFurther);
        var violated = result.Outcome.ViolatedProperty == BugReportReader.ModelError
            ? "[red bold]model error[/]"
            : $"[red bold]{Markup.Escape(result.Outcome.ViolatedProperty ?? "?")} VIOLATED[/]";
        return $"{violated}; {notChecked} not checked further";
    }

    /// <summary>One line per violation under the table: the verdict and where its counterexample went.</summary>
    public static IEnumerable<string> ViolationLines(IReadOnlyList<WorldResult> results, string outDirectory)
    {
        foreach (var result in results.Where(r => !r.Outcome.Holds))
        {
            var property = result.Outcome.ViolatedProperty == BugReportReader.ModelError ? "the model itself failed" : $"{result.Outcome.ViolatedProperty} VIOLATED";
            yield return $"{result.Run.World.Name}: {property}: {OneLine(result.Outcome.Verdict)}";
            if (result.ScheduleFileName is { } schedule)
            {
                var path = Path.Combine(outDirectory, schedule);
                yield return $"  counterexample: {path}; replay from {Output.ReplayCommands.From}: {Output.ReplayCommands.Iopf("replay", path)}";
            }
        }
    }

    private static string OneLine(string? text) => (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
}
