using Iopf.Models.Reports;

namespace Iopf.Models.Designs;

/// <summary>Writes the matrix (matrix.md, matrix.json) and one schedule per violated cell into a folder, each file whole or not at all.</summary>
public static class MatrixWriter
{
    public static IReadOnlyList<string> Write(MatrixResult matrix, string directory) => AtomicFiles.WriteAll(directory, Files(matrix));

    /// <summary>The files of the matrix, relative to its folder, for a caller that commits them itself.</summary>
    public static IReadOnlyList<(string RelativePath, string Text)> Files(MatrixResult matrix)
    {
        string RelativeSchedule(DesignRow row, MatrixCell cell) => $"schedules/{row.Design}-{cell.Property}.trace";
        string? PathOf(DesignRow row, MatrixCell cell) => cell.Schedule is null ? null : RelativeSchedule(row, cell);

        var files = new List<(string Path, string Text)>
        {
            ("matrix.md", MatrixRendering.Markdown(matrix, PathOf)),
            ("matrix.json", MatrixRendering.Json(matrix, PathOf)),
        };
        foreach (var row in matrix.Rows)
        {
            foreach (var cell in row.Cells.Where(c => c.Schedule is not null))
            {
                files.Add((RelativeSchedule(row, cell), cell.Schedule!));
            }
        }

        return files;
    }
}
