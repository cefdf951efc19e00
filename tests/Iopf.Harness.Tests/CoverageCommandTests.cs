namespace Iopf.Harness.Tests;

/// <summary>`iopf coverage`: which worlds reach which coverage point, in the terminal and as a Markdown matrix.</summary>
[Collection(HarnessCollection.Name)]
public sealed class CoverageCommandTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Each_point_says_how_many_worlds_reach_it_and_names_the_few_that_do()
    {
        var result = IopfCli.Run("coverage", "--plan", Repo.TestPlan, "--world", "SingleFault", "--world", "IndexPassesSlot");
        var lines = result.Out.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var words = lines.Select(l => System.Text.RegularExpressions.Regex.Replace(l, " +", " ")).ToList();

        Assert.Equal(ExitCodes.Holds, result.ExitCode);
        Assert.Equal(Protocol.Coverage.CoveragePoint.All.Count, lines.Length);
        Assert.Contains("step RingSlotWrite 1/2 IndexPassesSlot", words);
        Assert.Contains("step AtcInvalidate 0/2 NO WORLD", words);
        Assert.Contains("step FaultInterrupt 2/2 every world", words);
        Assert.All(lines, l => Assert.InRange(l.Length, 1, 80));
    }

    [Fact]
    public void The_markdown_matrix_has_a_column_per_world_and_a_row_per_point()
    {
        var file = sandbox.PathOf("cov/matrix.md");
        var result = IopfCli.Run("coverage", "--plan", Repo.TestPlan, "--world", "SingleFault", "--world", "IndexPassesSlot", "--markdown", file);
        var rows = File.ReadAllText(file).TrimEnd('\n').Split('\n');

        Assert.Equal(ExitCodes.Holds, result.ExitCode);
        Assert.Equal("| point | worlds | SingleFault | IndexPassesSlot |", rows[0]);
        Assert.Equal(Protocol.Coverage.CoveragePoint.All.Count + 2, rows.Length);
        Assert.Contains("| step RingSlotWrite | 1 |   | x |", rows);
    }

    [Fact]
    public void A_markdown_file_below_a_file_is_refused_in_one_line_before_any_search()
    {
        sandbox.Write("taken", "x");
        var result = IopfCli.Run("coverage", "--plan", Repo.TestPlan, "--world", "SingleFault", "--markdown", sandbox.PathOf("taken/matrix.md"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Single(result.ErrLines);
        Assert.StartsWith("iopf: --markdown", result.ErrLines[0]);
        Assert.Empty(result.Out);
    }
}
