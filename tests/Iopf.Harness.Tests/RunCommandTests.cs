using Iopf.Worlds.Sampling;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Iopf.Harness.Tests;

/// <summary>`iopf run`: the exit code says whether every property held, and a violation leaves a replayable counterexample.</summary>
[Collection(HarnessCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void The_correct_model_holds_with_exit_code_0_and_writes_only_the_reports()
    {
        var result = IopfCli.RunWorld(sandbox, "SingleFault", null, "--report", "json", "--report", "junit");

        Assert.Equal(ExitCodes.Holds, result.ExitCode);
        Assert.Equal(string.Empty, result.Err);
        Assert.Contains("SingleFault", result.Out);
        Assert.DoesNotContain("VIOLATED", result.Out);
        Assert.Equal(["out/iopf-junit.xml", "out/iopf-report.json"], sandbox.Files());
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(sandbox.Out, "iopf-report.json")))!;
        Assert.Equal("holds", (string?)report["verdict"]);
        Assert.Equal(50u, (uint)report["worlds"]![0]!["iterationsRun"]!);
    }

    [Fact]
    public void A_mutant_is_caught_with_exit_code_1_and_its_counterexample_written()
    {
        var result = IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy");

        Assert.Equal(ExitCodes.Violated, result.ExitCode);
        Assert.Contains("VIOLATED", result.Out);
        Assert.Contains("[FaultBufferHeldUntilCopied]", result.Out);
        Assert.Equal(
            [
                "out/SingleFault.counterexample.md",
                "out/SingleFault.counterexample.mmd",
                "out/SingleFault.counterexample.txt",
                "out/SingleFault.schedule.json",
                "out/SingleFault.trace",
            ],
            sandbox.Files());
        var schedule = JsonNode.Parse(File.ReadAllText(Path.Combine(sandbox.Out, "SingleFault.schedule.json")))!;
        Assert.Equal("SingleFault", (string?)schedule["world"]);
        Assert.Equal("CompleteBeforeCopy", (string?)schedule["mutants"]![0]);
        Assert.Equal(Models.Tracing.ModelFingerprint.Current, (string?)schedule["modelFingerprint"]);

        // The raw .trace is Coyote's own trace, exactly the one embedded in the schedule.
        var raw = JsonNode.Parse(File.ReadAllText(Path.Combine(sandbox.Out, "SingleFault.trace")))!;
        Assert.True(JsonNode.DeepEquals(schedule["coyoteTrace"], raw));
    }

    [Fact]
    public void A_scenario_that_now_holds_moves_its_old_counterexample_to_superseded()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy").ExitCode);
        File.WriteAllText(Path.Combine(sandbox.Out, "notes.txt"), "mine");

        Assert.Equal(ExitCodes.Holds, IopfCli.RunWorld(sandbox, "SingleFault", null).ExitCode);

        Assert.Equal(
            [
                "out/notes.txt",
                "out/superseded/SingleFault.counterexample.md",
                "out/superseded/SingleFault.counterexample.mmd",
                "out/superseded/SingleFault.counterexample.txt",
                "out/superseded/SingleFault.schedule.json",
                "out/superseded/SingleFault.trace",
            ],
            sandbox.Files());
    }

    [Fact]
    public void The_junit_report_has_one_case_per_property_and_a_failure_for_the_violated_one()
    {
        var result = IopfCli.RunWorld(sandbox, "SingleFault", "VmmCopiesTwice", "--report", "junit");

        Assert.Equal(ExitCodes.Violated, result.ExitCode);
        var junit = XDocument.Load(Path.Combine(sandbox.Out, "iopf-junit.xml"));
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(Specs.Properties.PropertySet.Names, cases.Select(c => (string)c.Attribute("name")!));
        var failed = Assert.Single(cases, c => c.Element("failure") is not null);
        Assert.Equal("NoDoubleCopy", (string)failed.Attribute("name")!);
        Assert.Contains("[NoDoubleCopy]", (string)failed.Element("failure")!.Attribute("message")!);
        Assert.Equal("1", (string)junit.Root!.Attribute("failures")!);
    }

    [Fact]
    public void Parallel_shards_report_the_same_counterexample_every_time()
    {
        var first = IopfCli.RunWorld(sandbox, "SingleFault", "VmmCopiesTwice", "--parallel", "2");
        var schedulePath = Path.Combine(sandbox.Out, "SingleFault.schedule.json");
        var firstSchedule = File.ReadAllText(schedulePath);
        var second = IopfCli.RunWorld(sandbox, "SingleFault", "VmmCopiesTwice", "--parallel", "2");
        var replay = IopfCli.Run("replay", schedulePath);

        // On failure, show what each invocation said: shards run concurrently, so timing is the suspect.
        Assert.True(first.ExitCode == ExitCodes.Violated, first.Out + first.Err);
        Assert.True(second.ExitCode == ExitCodes.Violated, second.Out + second.Err);
        Assert.Equal(firstSchedule, File.ReadAllText(schedulePath));

        // The header records the shard's own seed (7 + shard index), so the schedule replays on its own.
        var seed = (uint)JsonNode.Parse(firstSchedule)!["budget"]!["seed"]!;
        Assert.InRange(seed, 7u, 8u);
        Assert.True(replay.ExitCode == ExitCodes.Violated, replay.Out + replay.Err);
    }

    [Fact]
    public void Shards_split_the_iterations_and_derive_their_seeds()
    {
        var shards = Running.ShardedExplorer.Split(new ExplorationBudget(Iterations: 10, Seed: 5), 4);

        Assert.Equal([3u, 3u, 2u, 2u], shards.Select(s => s.Iterations));
        Assert.Equal([5u, 6u, 7u, 8u], shards.Select(s => s.Seed));
        Assert.Equal(2, Running.ShardedExplorer.Split(new ExplorationBudget(Iterations: 2), 8).Count);
    }
}
