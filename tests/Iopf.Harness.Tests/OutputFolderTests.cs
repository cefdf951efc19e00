namespace Iopf.Harness.Tests;

/// <summary>
/// Every command that writes checks its output folder before any work: a folder that cannot be written is
/// one line on stderr, exit 2, nothing on stdout (no exploration ran) and nothing written. The tests run as
/// root, where permission bits do not stop a write, so the unwritable folders are ones even root cannot
/// write into: under /proc, below a file, and the empty path.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class OutputFolderTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "run", "exhaustive", "mutants", "matrix", "verify", "replay", "trace" })
        {
            foreach (var folder in new[] { "/proc/iopf-out", "", "FILE/x" })
            {
                data.Add(command, folder);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_unwritable_out_folder_is_refused_before_any_work(string command, string folder)
    {
        var schedule = command is "replay" or "trace" ? RecordedSchedule() : null;
        var file = sandbox.Write("FILE", "a file, not a folder");
        var outFolder = folder.Replace("FILE", file, StringComparison.Ordinal);
        var before = sandbox.Files();
        var args = new List<string> { command };
        if (schedule is not null)
        {
            args.Add(schedule);
        }
        else
        {
            args.AddRange(["--plan", Repo.TestPlan]);
            if (command is "run" or "exhaustive" or "matrix" or "verify")
            {
                args.AddRange(["--world", "SingleFault"]);
            }
        }

        args.AddRange(["--out", outFolder]);
        var result = IopfCli.Run([.. args]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("iopf: --out", line);
        Assert.DoesNotContain("unexpected", line);
        Assert.Equal(before, sandbox.Files());
    }

    [Fact]
    public void Replay_of_a_schedule_in_an_unwritable_folder_can_write_its_trace_elsewhere()
    {
        var schedule = RecordedSchedule();
        var elsewhere = sandbox.PathOf("traces");

        var result = IopfCli.Run("replay", schedule, "--out", elsewhere);

        Assert.Equal(ExitCodes.Violated, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(elsewhere, "SingleFault.counterexample.md")));
        Assert.Contains("wrote ", result.Out);
    }

    private string RecordedSchedule()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy").ExitCode);
        return Path.Combine(sandbox.Out, "SingleFault.schedule.json");
    }
}
