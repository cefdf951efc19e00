namespace Iopf.Harness.Tests;

/// <summary>
/// Every refusal is one line on stderr naming the problem, exit code 2, no stack trace, and nothing written
/// into the out directory or beside the schedule.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class BadInputTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Malformed_coyote_json_names_the_file_and_line()
    {
        var config = sandbox.Write("coyote.json", "{\n  \"defaults\": {\n    \"iterations\": 10,\n  }\n}\n");
        var err = Refused(["run", "--plan", config, "--out", sandbox.Out]);
        Assert.Contains("coyote.json:4", err);
    }

    [Fact]
    public void Schema_invalid_coyote_json_names_the_line_and_the_key()
    {
        var config = sandbox.Write("coyote.json", "{\n  \"defaults\": {\n    \"iterashuns\": 5\n  }\n}\n");
        var err = Refused(["run", "--plan", config, "--out", sandbox.Out]);
        Assert.Contains("coyote.json:3", err);
        Assert.Contains("iterashuns", err);
    }

    [Fact]
    public void A_missing_coyote_json_is_refused()
    {
        var err = Refused(["run", "--plan", sandbox.PathOf("nowhere.json"), "--out", sandbox.Out]);
        Assert.Contains("nowhere.json: plan file not found", err);
    }

    [Fact]
    public void An_unknown_world_lists_the_built_in_ones()
    {
        var err = Refused(["run", "--plan", Repo.CoyoteJson, "--world", "SingleFalut", "--out", sandbox.Out]);
        Assert.Contains("unknown world 'SingleFalut'; built-in worlds: AtcInvalidationRacesCompletion, BurstThroughOneBuffer", err);
    }

    [Fact]
    public void An_unknown_mutant_lists_the_valid_ones()
    {
        var err = Refused(["run", "--plan", Repo.CoyoteJson, "--mutant", "CompleteBeforeCopi", "--out", sandbox.Out]);
        Assert.Contains("unknown mutant 'CompleteBeforeCopi'; valid: ", err);
        Assert.Contains("CompleteBeforeCopy", err);
    }

    [Fact]
    public void Two_mutants_at_one_decision_are_refused()
    {
        var err = Refused(["run", "--plan", Repo.CoyoteJson, "--mutant", "CompleteBeforeCopy", "--mutant", "CompletionWrittenBeforeCopy", "--out", sandbox.Out]);
        Assert.Equal("iopf: mutants CompleteBeforeCopy and CompletionWrittenBeforeCopy both decide CompletionPublication; switch on one of them", err.TrimEnd());
    }

    [Fact]
    public void An_out_path_below_a_file_is_refused_before_exploring()
    {
        var file = sandbox.Write("plain.txt", "not a directory");
        var err = Refused(["run", "--plan", Repo.CoyoteJson, "--world", "SingleFault", "--out", Path.Combine(file, "out")], expectedFiles: ["plain.txt"]);
        Assert.Contains("is a file, not a directory", err);
    }

    [Fact]
    public void A_missing_schedule_is_refused()
    {
        var err = Refused(["replay", sandbox.PathOf("gone.schedule.json")]);
        Assert.Contains("gone.schedule.json: schedule file not found", err);
    }

    [Fact]
    public void A_truncated_schedule_is_refused()
    {
        var schedule = RecordedSchedule();
        var path = sandbox.Write("cut.schedule.json", schedule[..(schedule.Length / 2)]);
        var err = Refused(["replay", path], expectedFiles: Recorded("cut.schedule.json"));
        Assert.Contains("not valid JSON (Expected", err);
    }

    [Fact]
    public void A_schedule_with_corrupted_coyote_steps_is_refused()
    {
        var schedule = System.Text.Json.Nodes.JsonNode.Parse(RecordedSchedule())!;
        var steps = schedule["coyoteTrace"]!["Steps"]!.AsArray();
        steps[3] = "op(2:garbage),sp(Complete),next(1:1)";
        var path = sandbox.Write("bad.schedule.json", schedule.ToJsonString());
        var err = Refused(["replay", path], expectedFiles: Recorded("bad.schedule.json"));
        Assert.Contains("Coyote cannot replay the recorded trace", err);
    }

    [Fact]
    public void A_schedule_whose_steps_were_reordered_is_refused_because_it_no_longer_reproduces()
    {
        var schedule = System.Text.Json.Nodes.JsonNode.Parse(RecordedSchedule())!;
        var steps = schedule["coyoteTrace"]!["Steps"]!.AsArray();
        // Swap the first two neighbouring decisions that differ: the replay then schedules another operation.
        var i = Enumerable.Range(0, steps.Count - 1).First(k => (string)steps[k]! != (string)steps[k + 1]!);
        var (earlier, later) = ((string)steps[i]!, (string)steps[i + 1]!);
        (steps[i], steps[i + 1]) = (later, earlier);
        var path = sandbox.Write("swapped.schedule.json", schedule.ToJsonString());
        var err = Refused(["trace", path], expectedFiles: Recorded("swapped.schedule.json"));
        Assert.Contains("does not reproduce its recorded NoDoubleCopy violation", err);
    }

    [Fact]
    public void A_foreign_json_file_is_refused()
    {
        var path = sandbox.Write("other.json", "{ \"name\": \"something else\", \"Steps\": [] }");
        var err = Refused(["replay", path], expectedFiles: ["other.json"]);
        Assert.Contains("not an iopf schedule", err);
    }

    [Fact]
    public void A_raw_coyote_trace_without_our_header_is_refused_with_a_pointer_to_coyote()
    {
        RecordedSchedule();
        var err = Refused(["replay", Path.Combine(sandbox.Out, "SingleFault.trace")], expectedFiles: Recorded());
        Assert.Contains("not an iopf schedule", err);
        Assert.Contains("dotnet coyote replay", err);
    }

    [Fact]
    public void A_schedule_from_another_model_version_names_both_fingerprints()
    {
        var schedule = System.Text.Json.Nodes.JsonNode.Parse(RecordedSchedule())!;
        var other = "sha256:" + new string('0', 64);
        schedule["modelFingerprint"] = other;
        var path = sandbox.Write("old.schedule.json", schedule.ToJsonString());
        var err = Refused(["replay", path], expectedFiles: Recorded("old.schedule.json"));
        Assert.Contains("recorded against another model version", err);
        Assert.Contains(other, err);
        Assert.Contains(Models.Tracing.ModelFingerprint.Current, err);
    }

    [Theory]
    [InlineData("run", "--bogus")]
    [InlineData("run", "--strategy", "dfs")]
    [InlineData("run", "--iterations", "0")]
    [InlineData("run", "--iterations", "many")]
    [InlineData("run", "--parallel", "0")]
    [InlineData("run", "--report", "html")]
    [InlineData("replay")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Bad_arguments_are_one_line_and_exit_2(params string[] args)
    {
        var err = Refused(args);
        Assert.Contains("--help", err);
    }

    [Fact]
    public void An_unexpected_failure_is_one_line_with_its_type()
    {
        using var broken = new BrokenWriter();
        using var error = new StringWriter();

        var code = Cli.Run(["list"], broken, error);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("iopf: unexpected IOException: the disk is full\n", error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>Runs the command, checks exit 2 / one stderr line / no stack trace / no stray files; returns the line.</summary>
    private string Refused(string[] args, IReadOnlyList<string>? expectedFiles = null)
    {
        var before = expectedFiles ?? sandbox.Files();
        var result = IopfCli.Run(args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("iopf: ", line);
        Assert.DoesNotContain(" at Iopf.", line);
        Assert.Equal(before, sandbox.Files());
        return line;
    }

    /// <summary>A real counterexample (VmmCopiesTwice on SingleFault) recorded into the out directory.</summary>
    private string RecordedSchedule()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "VmmCopiesTwice").ExitCode);
        return File.ReadAllText(Path.Combine(sandbox.Out, "SingleFault.schedule.json"));
    }

    /// <summary>The files a recorded counterexample leaves, plus the extra ones a test wrote itself.</summary>
    private static IReadOnlyList<string> Recorded(params string[] extra) =>
        new[]
        {
            "out/SingleFault.counterexample.md",
            "out/SingleFault.counterexample.mmd",
            "out/SingleFault.counterexample.txt",
            "out/SingleFault.schedule.json",
            "out/SingleFault.trace",
        }.Concat(extra).Order(StringComparer.Ordinal).ToList();

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("the disk is full");

        public override void Write(string? value) => throw new IOException("the disk is full");

        public override void WriteLine(string? value) => throw new IOException("the disk is full");
    }
}
