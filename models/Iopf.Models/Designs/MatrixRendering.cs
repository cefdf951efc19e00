using Iopf.Worlds.Sampling;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iopf.Models.Designs;

/// <summary>The design × property matrix as Markdown (for people) and JSON (for tools); both deterministic.</summary>
public static class MatrixRendering
{
    /// <param name="schedulePath">Where the counterexample schedule of a violated cell is saved (relative path), if saved.</param>
    public static string Markdown(MatrixResult m, Func<DesignRow, MatrixCell, string?> schedulePath)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Design × property matrix");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Worlds: {string.Join(", ", m.Worlds)}. Budget per world: {m.Budget.Iterations} schedules, strategy {m.Budget.Strategy}, seed {m.Budget.Seed}, at most {m.Budget.MaxSteps} steps. Sampled exploration: \"holds\" means no violation was found within this budget.");
        sb.AppendLine();
        var properties = m.Rows[0].Cells.Select(c => c.Property).ToList();
        sb.AppendLine("| design | " + string.Join(" | ", properties) + " | stall steps | peak held | copies / payload |");
        sb.AppendLine("|---|" + string.Concat(properties.Select(_ => "---|")) + "---:|---:|---:|");
        foreach (var row in m.Rows)
        {
            var cells = row.Cells.Select(c => c.Status switch
            {
                MatrixCell.Violated => $"**violated** ({c.World})",
                MatrixCell.NotApplicable => "n/a",
                _ => "holds",
            });
            var rest = row.Cost.WorldsNotComingToRest > 0 ? $" ({row.Cost.WorldsNotComingToRest} livelocked)" : string.Empty;
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {row.Design} | {string.Join(" | ", cells)} | {row.Cost.StallSteps}{rest} | {row.Cost.PeakHeld} | {row.Cost.CopiesPerPayload:0.##} |");
        }

        sb.AppendLine();
        sb.AppendLine("Costs come from one deterministic reference schedule per world (global FIFO), summed (stall steps) or maximal (peak held) over the worlds.");
        sb.AppendLine();
        sb.AppendLine("## Verdicts");
        foreach (var row in m.Rows)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"### {row.Design}");
            sb.AppendLine();
            sb.AppendLine(row.Summary);
            sb.AppendLine();
            foreach (var c in row.Cells)
            {
                var line = c.Status switch
                {
                    MatrixCell.Violated => $"- {c.Property}: violated in {c.World}: {OneLine(c.Verdict)}" + (schedulePath(row, c) is { } path ? $" (schedule: `{path}`)" : string.Empty),
                    MatrixCell.NotApplicable => $"- {c.Property}: not applicable: {c.Note}",
                    _ => $"- {c.Property}: holds",
                };
                sb.AppendLine(c.Status != MatrixCell.NotApplicable && c.Note is not null ? $"{line} ({c.Note})" : line);
            }
        }

        return sb.ToString();
    }

    public static string Json(MatrixResult m, Func<DesignRow, MatrixCell, string?> schedulePath)
    {
        var doc = new
        {
            worlds = m.Worlds,
            budget = new { iterations = m.Budget.Iterations, strategy = m.Budget.Strategy.ToString(), seed = m.Budget.Seed, maxSteps = m.Budget.MaxSteps },
            designs = m.Rows.Select(r => new
            {
                design = r.Design.ToString(),
                summary = r.Summary,
                properties = r.Cells.Select(c => new
                {
                    property = c.Property,
                    status = c.Status,
                    world = c.World,
                    verdict = c.Verdict is null ? null : OneLine(c.Verdict),
                    schedule = c.Status == MatrixCell.Violated ? schedulePath(r, c) : null,
                    note = c.Note,
                }),
                cost = new
                {
                    stallSteps = r.Cost.StallSteps,
                    peakHeld = r.Cost.PeakHeld,
                    copiesPerPayload = r.Cost.CopiesPerPayload,
                    worldsNotComingToRest = r.Cost.WorldsNotComingToRest,
                },
            }),
        };
        return JsonSerializer.Serialize(doc, Options) + "\n";
    }

    private static string OneLine(string? text) => (text ?? string.Empty).ReplaceLineEndings(" ").Trim();

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
