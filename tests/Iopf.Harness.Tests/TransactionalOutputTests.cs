using System.Text.Json.Nodes;

namespace Iopf.Harness.Tests;

/// <summary>
/// A commit is all or nothing: when one file cannot be written, nothing new is left behind and the files of
/// the earlier run are intact, byte for byte. And evidence is never deleted silently: a counterexample an
/// earlier run found moves to superseded/ when this run does not find it.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class TransactionalOutputTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void A_directory_where_a_counterexample_file_goes_leaves_the_old_files_intact_and_nothing_new()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "FaultBurst", "CompleteBeforeCopy", "--report", "json").ExitCode);
        Directory.CreateDirectory(Path.Combine(sandbox.Out, "SingleFault.counterexample.txt"));
        var before = Snapshot();

        var result = IopfCli.Run("run", "--plan", Repo.TestPlan, "--world", "FaultBurst", "--world", "SingleFault", "--mutant", "VmmCopiesTwice", "-i", "50", "--seed", "7", "--out", sandbox.Out, "--report", "json");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains("SingleFault.counterexample.txt: a directory of that name is in the way; nothing was written", line);
        Assert.DoesNotContain("unexpected", line);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_blocked_report_path_leaves_the_old_counterexample_intact_and_nothing_new()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy").ExitCode);
        Directory.CreateDirectory(Path.Combine(sandbox.Out, "iopf-report.json"));
        var before = Snapshot();

        var result = IopfCli.RunWorld(sandbox, "SingleFault", "VmmCopiesTwice", "--report", "json");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("iopf-report.json: a directory of that name is in the way", result.Err);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_counterexample_a_smaller_budget_misses_moves_to_superseded_and_is_reported()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy").ExitCode);
        var old = Snapshot();

        // Twice: the second move finds the first one's names taken and numbers its files instead.
        var first = IopfCli.Run("run", "--plan", Repo.TestPlan, "--world", "SingleFault", "--mutant", "CompleteBeforeCopy", "-i", "1", "--seed", "7", "--out", sandbox.Out, "--report", "json");
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy").ExitCode);
        var second = IopfCli.Run("run", "--plan", Repo.TestPlan, "--world", "SingleFault", "--mutant", "CompleteBeforeCopy", "-i", "1", "--seed", "7", "--out", sandbox.Out);

        Assert.Equal(ExitCodes.Holds, first.ExitCode);
        // The sandbox lies outside the working folder, so the line names the folder in full.
        var shown = Path.Combine(sandbox.Out, "superseded");
        Assert.Equal(
            $"superseded: no violation of SingleFault in this run; its 5 earlier files moved to {shown}/ as SingleFault.*",
            Assert.Single(first.Out.Split('\n'), l => l.StartsWith("superseded:", StringComparison.Ordinal)));
        Assert.Contains($"moved to {shown}/ as SingleFault.1.*\n", second.Out);
        foreach (var (name, text) in old.Where(f => !f.Name.EndsWith(".md", StringComparison.Ordinal)))
        {
            Assert.Equal(text, File.ReadAllText(Path.Combine(sandbox.Out, "superseded", Path.GetFileName(name))));
            Assert.Equal(text, File.ReadAllText(Path.Combine(sandbox.Out, "superseded", Path.GetFileName(name).Replace("SingleFault.", "SingleFault.1.", StringComparison.Ordinal))));
        }

        // The moved report's replay commands name the files where they are now, and the harness's one still replays.
        foreach (var stem in new[] { "SingleFault", "SingleFault.1" })
        {
            var page = File.ReadAllText(Path.Combine(sandbox.Out, "superseded", stem + ".counterexample.md"));
            var moved = Path.GetRelativePath(Repo.Root, Path.Combine(sandbox.Out, "superseded", stem));
            Assert.Contains($"replay {moved}.schedule.json\n", page);
            Assert.Contains($" {moved}.trace -m World\n", page);
            Assert.Equal(ExitCodes.Violated, IopfCli.Run("replay", Path.Combine(Repo.Root, moved + ".schedule.json"), "--out", sandbox.PathOf("check")).ExitCode);
        }

        // The report describes this run (no schedule), and points at nothing that is gone.
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(sandbox.Out, "iopf-report.json")))!;
        Assert.Equal("holds", (string?)report["verdict"]);
        Assert.Null(report["worlds"]![0]!["violation"]);
        Assert.False(File.Exists(Path.Combine(sandbox.Out, "SingleFault.schedule.json")));
    }

    [Fact]
    public void A_write_that_fails_midway_removes_what_it_wrote_and_keeps_the_old_files()
    {
        // matrix.md and matrix.json are written before schedules/ is needed; a file named schedules stops it there.
        string[] Matrix(uint iterations) => ["matrix", "--plan", Repo.TestPlan, "--world", "SingleFault", "-i", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", sandbox.Out];
        Assert.Equal(ExitCodes.Holds, IopfCli.Run(Matrix(20)).ExitCode);
        var schedules = Path.Combine(sandbox.Out, "schedules");
        Assert.NotEmpty(Directory.GetFiles(schedules));
        Directory.Delete(schedules, recursive: true);
        File.WriteAllText(schedules, "in the way");
        var before = Snapshot();

        var result = IopfCli.Run(Matrix(30));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.EndsWith("; nothing was written", line);
        Assert.DoesNotContain("unexpected", line);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_run_with_nothing_to_write_creates_no_folder()
    {
        Assert.Equal(ExitCodes.Holds, IopfCli.RunWorld(sandbox, "SingleFault", null).ExitCode);

        Assert.False(Directory.Exists(sandbox.Out));
    }

    [Fact]
    public void A_writability_probe_orphaned_by_a_kill_is_swept_by_the_next_run()
    {
        // What a process killed between creating and deleting its probe leaves (DeleteOnClose does not survive SIGKILL).
        Directory.CreateDirectory(sandbox.Out);
        File.WriteAllText(Output.OutputFolder.ProbePath(sandbox.Out), string.Empty);

        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "VmmCopiesTwice").ExitCode);

        Assert.DoesNotContain(sandbox.Files(), f => f.Contains(".iopf-probe", StringComparison.Ordinal));
    }

    [Fact]
    public void A_commit_killed_during_its_renames_is_finished_by_the_next_one()
    {
        // What a process killed after its journal and its first rename leaves: one file new, one still old.
        Directory.CreateDirectory(Path.Combine(sandbox.Out, "superseded"));
        sandbox.Write("out/A.txt", "new A");
        sandbox.Write("out/B.txt", "old B");
        sandbox.Write("out/.B.txt.42.iopf-tmp", "new B");
        sandbox.Write("out/C.md", "old C");
        sandbox.Write("out/.stray.7.iopf-tmp", "a commit killed before its journal");
        sandbox.Write("out/" + Output.OutputTransaction.JournalName, """
            {"Moves":[["C.md","superseded/C.md"]],"Renames":[[".A.txt.42.iopf-tmp","A.txt"],[".B.txt.42.iopf-tmp","B.txt"]],"Removals":[]}
            """);

        Output.OutputTransaction.Recover(sandbox.Out);

        Assert.Equal(["out/A.txt", "out/B.txt", "out/superseded/C.md"], sandbox.Files());
        Assert.Equal("new B", File.ReadAllText(Path.Combine(sandbox.Out, "B.txt")));
    }

    [Fact]
    public void A_damaged_commit_journal_is_one_line_and_nothing_is_touched()
    {
        Directory.CreateDirectory(sandbox.Out);
        sandbox.Write("out/" + Output.OutputTransaction.JournalName, "{ not json");
        var before = Snapshot();

        var result = IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains(".iopf-commit.json: an unfinished commit's journal that cannot be read", line);
        Assert.Equal(before, Snapshot());
    }

    /// <summary>Every file under the sandbox with its text.</summary>
    private List<(string Name, string Text)> Snapshot() =>
        [.. sandbox.Files().Select(f => (f, File.ReadAllText(sandbox.PathOf(f))))];
}
