using System.Globalization;
using Iopf.Harness.Running;
using Iopf.Models.Exploration;
using Iopf.Specs.Properties;
using Spectre.Console;

namespace Iopf.Harness.Rendering;

/// <summary>The end-of-run table: one row per world, one column per property (holds / VIOLATED), iterations and time.</summary>
public static class VerdictTable
{
    public static Table Build(IReadOnlyList<WorldResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Verdicts");
        table.AddColumn("World");
        foreach (var property in PropertySet.Names)
        {
            table.AddColumn(new TableColumn(property).Centered());
        }

        table.AddColumn(new TableColumn("Iterations").RightAligned());
        table.AddColumn(new TableColumn("Time").RightAligned());
        foreach (var result in results)
        {
            var modelError = result.Outcome.ViolatedProperty == BugReportReader.ModelError ? " [red bold](model error)[/]" : string.Empty;
            var cells = new List<string> { Markup.Escape(result.Run.World.Name) + modelError };
            cells.AddRange(PropertySet.Names.Select(p => result.Outcome.ViolatedProperty == p ? "[red bold]VIOLATED[/]" : "[green]holds[/]"));
            cells.Add($"{result.Outcome.IterationsRun.ToString(CultureInfo.InvariantCulture)}/{result.Run.Budget.Iterations.ToString(CultureInfo.InvariantCulture)}");
            cells.Add(result.Elapsed.TotalSeconds.ToString("0.0s", CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }

        table.Caption("Coyote samples schedules (no exhaustive search): 'holds' means no violation in the iterations run.");
        return table;
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
                yield return $"  counterexample: {Path.Combine(outDirectory, schedule)} (replay: {Cli.Name} replay {Path.Combine(outDirectory, schedule)})";
            }
        }
    }

    private static string OneLine(string? text) => (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
}
