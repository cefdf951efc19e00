using System.Text.Json.Nodes;

namespace Iopf.Harness.Tests;

/// <summary>Ctrl-C during `iopf run`: the worlds finished before it are written, whole, and the exit code is 130.</summary>
[Collection(HarnessCollection.Name)]
public sealed class InterruptTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task Sigint_writes_the_finished_worlds_and_exits_130()
    {
        var longWorld = Apphost.LongWorld(sandbox, "Long");
        using var process = Apphost.Start("run", "--plan", Repo.TestPlan, "--world", "SingleFault", "--world", longWorld, "--mutant", "CompleteBeforeCopy", "--out", sandbox.Out, "--report", "json");
        var stderr = process.StandardError.ReadToEndAsync();

        // The plain progress line of the second world says the first is done and the long one is running.
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !line.StartsWith("[2/2] Long: exploring", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        await Task.Delay(500);
        Apphost.Signal(process, "INT");

        // Bounded, so a child that cannot be interrupted fails the test in 30 s instead of hanging the run.
        var restOfOutput = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            Assert.Fail("iopf did not stop after SIGINT" + (SigintIgnored() ? ": SIGINT is ignored in this test process, and so in the iopf it starts (a background job of a non-interactive shell ignores it); run the tests in the foreground" : string.Empty));
        }

        var rest = await restOfOutput;

        Assert.Equal(ExitCodes.Interrupted, process.ExitCode);
        Assert.Equal(string.Empty, await stderr);
        Assert.Contains("interrupted: 1 of 2 worlds finished and written; Long not explored", rest);
        Assert.Equal(
            [
                "Long.json",
                "out/SingleFault.counterexample.md",
                "out/SingleFault.counterexample.mmd",
                "out/SingleFault.counterexample.txt",
                "out/SingleFault.schedule.json",
                "out/SingleFault.trace",
                "out/iopf-report.json",
            ],
            sandbox.Files());
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(sandbox.Out, "iopf-report.json")))!;
        Assert.Equal("SingleFault", (string?)Assert.Single(report["worlds"]!.AsArray())!["name"]);

        // Complete: the schedule replays to its violation.
        Assert.Equal(ExitCodes.Violated, IopfCli.Run("replay", Path.Combine(sandbox.Out, "SingleFault.schedule.json"), "--out", sandbox.PathOf("again")).ExitCode);
    }

    // Linux: the SigIgn mask of /proc/self/status, bit 1 for SIGINT (2); an inherited SIG_IGN survives exec.
    private static bool SigintIgnored() =>
        File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } line
        && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0;
}
