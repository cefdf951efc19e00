using System.Text.Json.Nodes;
using Snapshooter;
using Snapshooter.Xunit;

namespace Iopf.Harness.Tests;

/// <summary>
/// Fixed-seed counterexamples, rendered as canonical traces, and the JSON report compared with committed
/// snapshots (__snapshots__/): a change in the model's behaviour or in the rendering shows up as a diff.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class SnapshotTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("CompleteBeforeCopy")]
    [InlineData("VmmCopiesTwice")]
    [InlineData("DeviceNeverNotified")]
    public void The_counterexample_trace_of_a_mutant_matches_its_snapshot(string mutant)
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", mutant).ExitCode);
        var trace = File.ReadAllText(Path.Combine(sandbox.Out, "SingleFault.counterexample.txt"));

        Snapshot.Match(trace.Split('\n'), SnapshotNameExtension.Create(mutant));
    }

    [Fact]
    public void The_json_report_without_timings_matches_its_snapshot()
    {
        var result = IopfCli.Run(
            "run", "--plan", Repo.TestPlan, "--world", "SingleFault", "--world", "SamePageTwice",
            "--mutant", "VmmCopiesTwice", "--iterations", "20", "--seed", "3", "--out", sandbox.Out, "--report", "json");
        Assert.Equal(ExitCodes.Violated, result.ExitCode);

        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(sandbox.Out, "iopf-report.json")))!.AsObject();

        // Wall-clock times and the build's fingerprint differ between runs and builds: everything else must not.
        Assert.NotNull(report["timings"]);
        Assert.StartsWith("sha256:", (string?)report["modelFingerprint"]);
        report.Remove("timings");
        report.Remove("modelFingerprint");
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(report.ToJsonString()));
    }
}
