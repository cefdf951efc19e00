using Iopf.Specs.Properties;
using Iopf.Worlds;
using Iopf.Worlds.Sampling;
using Iopf.Models.Designs;
using Iopf.Models.Exploration;
using Iopf.Protocol.Designs;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace Iopf.Tests.Models;

/// <summary>The design × property matrix: every design judged on every property (or marked not applicable), snapshotted.</summary>
[Collection(CoyoteCollection.Name)]
public class DesignMatrixTests
{
    // Small but fixed: the same seed and budget give the same matrix, byte for byte.
    private static readonly ExplorationBudget Budget = new(Iterations: 100, Seed: 3, MaxSteps: 2000);

    private static readonly Lazy<MatrixResult> Matrix = new(() => DesignMatrix.Compute(
        DesignRegistry.All,
        [WorldCatalog.Find("SingleFault")!, WorldCatalog.Find("FaultBurst")!, WorldCatalog.Find("SamePageTwice")!, WorldCatalog.Find("EvictAfterResolve")!],
        Budget));

    [Fact]
    public void Covers_every_registered_design_and_every_property()
    {
        Assert.Equal(DesignRegistry.All, Matrix.Value.Rows.Select(r => r.Design));
        Assert.All(Matrix.Value.Rows, r => Assert.Equal(Iopf.Specs.Properties.PropertySet.Names, r.Cells.Select(c => c.Property)));
    }

    [Fact]
    public void Shows_what_the_prior_art_gives_up()
    {
        MatrixCell Cell(FaultPathDesign d, string p) => Matrix.Value.Rows.Single(r => r.Design == d).Cells.Single(c => c.Property == p);

        // The teardown properties judge nothing in worlds that tear no VM down: not applicable, rather than a vacuous "holds".
        Assert.All(Matrix.Value.Rows.Single(r => r.Design == ClaimedDesign.Instance).Cells, c => Assert.Equal(PropertySet.TeardownOnly.Contains(c.Property) ? MatrixCell.NotApplicable : MatrixCell.Holds, c.Status));
        Assert.Equal(MatrixCell.Violated, Cell(DropOnFaultDesign.Instance, "NoPayloadLost").Status);
        Assert.Equal(MatrixCell.NotApplicable, Cell(DropOnFaultDesign.Instance, "EveryFaultCompleted").Status);
        Assert.Equal(MatrixCell.Violated, Cell(SkipToNextBufferDesign.Instance, "NoPayloadLost").Status);
        Assert.NotNull(Cell(SkipToNextBufferDesign.Instance, "NoPayloadLost").Schedule);
        var claimed = Matrix.Value.Rows.Single(r => r.Design == ClaimedDesign.Instance).Cost;
        var stall = Matrix.Value.Rows.Single(r => r.Design == StallAndRetryDesign.Instance).Cost;
        Assert.Equal(0, stall.CopiesPerPayload);
        // In the reference run every payload of these worlds faults and is copied out of its fault buffer once.
        Assert.Equal(1, claimed.CopiesPerPayload);
    }

    [Fact]
    public void The_json_matrix_matches_its_snapshot()
    {
        var json = MatrixRendering.Json(Matrix.Value, (row, cell) => $"schedules/{row.Design}-{cell.Property}.trace");
        Snapshot.Match(JToken.Parse(json));
    }

    [Fact]
    public void The_markdown_matrix_matches_its_snapshot()
    {
        var markdown = MatrixRendering.Markdown(Matrix.Value, (row, cell) => $"schedules/{row.Design}-{cell.Property}.trace");
        Snapshot.Match(markdown.Split('\n'));
    }

    [Fact]
    public void The_writer_puts_matrix_and_schedules_in_the_folder()
    {
        var dir = Directory.CreateTempSubdirectory("iopf-matrix-");
        try
        {
            var files = MatrixWriter.Write(Matrix.Value, dir.FullName);
            Assert.Contains(files, f => f.EndsWith("matrix.md", StringComparison.Ordinal));
            Assert.Contains(files, f => f.EndsWith("matrix.json", StringComparison.Ordinal));
            Assert.Contains(files, f => f.EndsWith("DropOnFault-NoPayloadLost.trace", StringComparison.Ordinal));
            Assert.Empty(Directory.GetFiles(dir.FullName, "*.tmp", SearchOption.AllDirectories));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
