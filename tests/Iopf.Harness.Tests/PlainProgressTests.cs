namespace Iopf.Harness.Tests;

/// <summary>A CI log (stdout not a terminal) shows a line per world as it starts and ends, not minutes of silence.</summary>
[Collection(HarnessCollection.Name)]
public sealed class PlainProgressTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Each_world_logs_a_start_and_an_end_line_before_the_table()
    {
        var result = IopfCli.Run("run", "--plan", Repo.TestPlan, "--world", "SingleFault", "--world", "SamePageTwice", "--mutant", "VmmCopiesTwice", "--iterations", "30", "--seed", "7", "--out", sandbox.Out);

        Assert.Equal(ExitCodes.Violated, result.ExitCode);
        var lines = result.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("[1/2] SingleFault: exploring 30 schedules", lines[0]);
        Assert.StartsWith("[1/2] SingleFault: NoDoubleCopy VIOLATED after ", lines[1]);
        Assert.Equal("[2/2] SamePageTwice: exploring 30 schedules", lines[2]);
        Assert.StartsWith("[2/2] SamePageTwice: ", lines[3]);
        Assert.EndsWith("/30 schedules", lines[3]);
    }
}
