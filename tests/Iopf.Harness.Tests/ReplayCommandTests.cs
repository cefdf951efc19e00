namespace Iopf.Harness.Tests;

/// <summary>`iopf replay` and `iopf trace`: a recorded schedule reproduces its violation, and its trace is the same bytes every time.</summary>
[Collection(HarnessCollection.Name)]
public sealed class ReplayCommandTests : IDisposable
{
    private static readonly string[] TraceFiles = ["SingleFault.counterexample.txt", "SingleFault.counterexample.mmd", "SingleFault.counterexample.md"];

    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Replay_reproduces_the_violation_and_writes_identical_bytes_twice()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "DeviceNeverNotified").ExitCode);
        var fromRun = ReadTraceFiles();
        foreach (var name in TraceFiles)
        {
            File.Delete(Path.Combine(sandbox.Out, name));
        }

        var schedule = Path.Combine(sandbox.Out, "SingleFault.schedule.json");
        var first = IopfCli.Run("replay", schedule);
        var afterFirst = ReadTraceFiles();
        var second = IopfCli.Run("replay", schedule);
        var afterSecond = ReadTraceFiles();

        Assert.Equal(ExitCodes.Violated, first.ExitCode);
        Assert.Equal(ExitCodes.Violated, second.ExitCode);
        Assert.Contains("EveryFaultCompleted VIOLATED", first.Out);
        Assert.Contains("still owed: never completed: fault #0", first.Out);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal(fromRun, afterFirst);
    }

    [Fact]
    public void Trace_prints_the_numbered_trace_and_writes_it_beside_the_schedule()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy").ExitCode);
        var txt = Path.Combine(sandbox.Out, TraceFiles[0]);
        File.Delete(txt);

        var result = IopfCli.Run("trace", Path.Combine(sandbox.Out, "SingleFault.schedule.json"));

        Assert.Equal(ExitCodes.Violated, result.ExitCode);
        Assert.StartsWith("world    SingleFault\nmutants  CompleteBeforeCopy\n", result.Out);
        Assert.Contains("Driver -> Device: CompletionDoorbell", result.Out);
        Assert.Equal(result.Out, File.ReadAllText(txt));
        Assert.Contains("```mermaid\nsequenceDiagram\n", File.ReadAllText(Path.Combine(sandbox.Out, TraceFiles[2])));
    }

    private string[] ReadTraceFiles() => TraceFiles.Select(f => File.ReadAllText(Path.Combine(sandbox.Out, f))).ToArray();
}
