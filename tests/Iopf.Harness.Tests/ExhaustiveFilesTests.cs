using System.Text.Json.Nodes;

namespace Iopf.Harness.Tests;

/// <summary>
/// `iopf exhaustive` writes its shortest counterexample as files that `iopf replay` and `iopf trace` read, and
/// `iopf mutants` writes schedules `iopf replay` reads: every engine's counterexample is first-class.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class ExhaustiveFilesTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void An_exhaustive_counterexample_is_written_and_replay_and_trace_reproduce_it()
    {
        var found = IopfCli.Run("exhaustive", "--plan", Repo.TestPlan, "--world", "SingleFault", "--mutant", "CompleteBeforeCopy", "--out", sandbox.Out, "--report", "json", "--report", "junit");

        Assert.Equal(ExitCodes.Violated, found.ExitCode);
        Assert.Equal(
            [
                "out/SingleFault.exhaustive.counterexample.md",
                "out/SingleFault.exhaustive.counterexample.mmd",
                "out/SingleFault.exhaustive.counterexample.txt",
                "out/SingleFault.exhaustive.schedule.json",
                "out/iopf-exhaustive-junit.xml",
                "out/iopf-exhaustive.json",
            ],
            sandbox.Files());
        var schedule = Path.Combine(sandbox.Out, "SingleFault.exhaustive.schedule.json");
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(sandbox.Out, "iopf-exhaustive.json")))!;
        Assert.Equal("SingleFault.exhaustive.schedule.json", (string?)report["worlds"]![0]!["violation"]!["schedule"]);
        var coverage = report["worlds"]![0]!["coverage"]!;
        Assert.True((bool)coverage["step"]!["FaultInterrupt"]!);
        Assert.False((bool)coverage["step"]!["PostedWrite"]!);
        Assert.True((bool)coverage["decision"]!["CompletionPublication"]!); // the mutant's decision was consulted
        Assert.Equal(Protocol.Coverage.CoveragePoint.All.Count, coverage.AsObject().Sum(kind => kind.Value!.AsObject().Count));
        var written = File.ReadAllText(Path.Combine(sandbox.Out, "SingleFault.exhaustive.counterexample.txt"));

        var replay = IopfCli.Run("replay", schedule);
        var trace = IopfCli.Run("trace", schedule);

        Assert.Equal(ExitCodes.Violated, replay.ExitCode);
        Assert.Contains("FaultBufferHeldUntilCopied VIOLATED: fault buffer 0 freed before P0 was copied out of it", replay.Out);
        Assert.Contains("FaultBufferHeldUntilCopied violated (Safety)", found.Out);
        Assert.Equal(replay.ExitCode, trace.ExitCode);
        Assert.Equal(written, trace.Out);
        Assert.Contains("Driver -> Device: CompletionDoorbell", trace.Out);
        Assert.EndsWith("verdict  FaultBufferHeldUntilCopied VIOLATED\n         fault buffer 0 freed before P0 was copied out of it\n", trace.Out);
    }

    [Fact]
    public void An_altered_exhaustive_path_is_refused()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.Run("exhaustive", "--plan", Repo.TestPlan, "--world", "SingleFault", "--mutant", "CompleteBeforeCopy", "--out", sandbox.Out).ExitCode);
        var path = Path.Combine(sandbox.Out, "SingleFault.exhaustive.schedule.json");
        var schedule = JsonNode.Parse(File.ReadAllText(path))!;
        schedule["steps"]!.AsArray().RemoveAt(schedule["steps"]!.AsArray().Count - 1);
        File.WriteAllText(path, schedule.ToJsonString());

        var replay = IopfCli.Run("replay", path);

        Assert.Equal(ExitCodes.BadInput, replay.ExitCode);
        Assert.Contains("does not reproduce its recorded FaultBufferHeldUntilCopied violation", replay.Err);
    }

    [Theory]
    [InlineData("mutants", "[\"CompleteBeforeCopy\", \"CompleteBeforeCopy\"]", ":1: mutants[1]: mutant 'CompleteBeforeCopy' is listed twice")]
    [InlineData("kind", "\"1\"", ":1: kind: unknown violation kind '1'; valid: ")]
    [InlineData("steps", "[{ \"slot\": -1, \"choice\": 0 }]", ":1: steps[0].slot: ")]
    [InlineData("surplus", "true", ":1: surplus: unknown key; valid here: ")]
    public void An_edited_exhaustive_schedule_header_is_refused_by_the_schedule_reader(string key, string json, string expected)
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.Run("exhaustive", "--plan", Repo.TestPlan, "--world", "SingleFault", "--mutant", "CompleteBeforeCopy", "--out", sandbox.Out).ExitCode);
        var path = Path.Combine(sandbox.Out, "SingleFault.exhaustive.schedule.json");
        var schedule = JsonNode.Parse(File.ReadAllText(path))!;
        schedule[key] = JsonNode.Parse(json);
        File.WriteAllText(path, schedule.ToJsonString());

        var replay = IopfCli.Run("replay", path);

        Assert.Equal(ExitCodes.BadInput, replay.ExitCode);
        Assert.StartsWith($"iopf: {path}{expected}", Assert.Single(replay.ErrLines));
    }

    [Fact]
    public void Every_schedule_mutants_writes_is_one_replay_reproduces()
    {
        IopfCli.Run("mutants", "--plan", Repo.TestPlan, "--out", sandbox.Out);

        var schedules = Directory.GetFiles(Path.Combine(sandbox.Out, "mutants"), "*.schedule.json").Order(StringComparer.Ordinal).ToList();
        Assert.True(schedules.Count >= 10, string.Join(", ", schedules));
        foreach (var schedule in schedules)
        {
            var recorded = JsonNode.Parse(File.ReadAllText(schedule))!;
            var replay = IopfCli.Run("replay", schedule);
            Assert.Equal(ExitCodes.Violated, replay.ExitCode);
            Assert.Contains($"{(string?)recorded["violatedProperty"]} VIOLATED", replay.Out);
            Assert.Equal(Path.GetFileName(schedule), (string?)recorded["mutants"]![0] + ".schedule.json");
        }
    }

    [Fact]
    public void Trace_and_replay_of_a_sampled_counterexample_exit_alike()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy").ExitCode);
        var schedule = Path.Combine(sandbox.Out, "SingleFault.schedule.json");

        Assert.Equal(ExitCodes.Violated, IopfCli.Run("replay", schedule).ExitCode);
        Assert.Equal(ExitCodes.Violated, IopfCli.Run("trace", schedule).ExitCode);
    }
}
