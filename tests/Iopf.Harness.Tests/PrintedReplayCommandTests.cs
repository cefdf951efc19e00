using System.Diagnostics;

namespace Iopf.Harness.Tests;

/// <summary>
/// The replay commands a counterexample's report prints run verbatim from the folder it names (the
/// repository root): both the harness's and Coyote's, each with paths relative to that one folder.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class PrintedReplayCommandTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void The_commands_in_the_report_and_on_stdout_reproduce_the_violation_from_the_repository_root()
    {
        var run = IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy");
        Assert.Equal(ExitCodes.Violated, run.ExitCode);
        var report = File.ReadAllText(Path.Combine(sandbox.Out, "SingleFault.counterexample.md"));
        Assert.Contains("From the repository root:\n\n```sh\n", report);
        var commands = report.Split("```sh\n")[1].Split("```")[0].TrimEnd('\n').Split('\n');
        Assert.Equal(2, commands.Length);
        // No absolute path: the report means the same on every machine.
        Assert.DoesNotContain(commands.SelectMany(c => c.Split(' ')), word => word.StartsWith('/'));
        Assert.Contains($"; replay from the repository root: {commands[0]}\n", run.Out);

        Assert.Equal(0, Shell(out _, "dotnet tool restore"));
        var iopf = Shell(out var iopfOutput, commands[0]);
        var coyote = Shell(out var coyoteOutput, commands[1]);

        Assert.Equal(ExitCodes.Violated, iopf);
        Assert.Contains("FaultBufferHeldUntilCopied VIOLATED: [FaultBufferHeldUntilCopied] fault buffer 0 freed before P0 was copied out of it", iopfOutput);
        Assert.True(coyote != -1, coyoteOutput);
        Assert.Contains("Reproduced 1 bug", coyoteOutput);
    }

    /// <summary>Runs one pasted command line with sh from the repository root (the env-var prefix is shell syntax).</summary>
    private static int Shell(out string output, string commandLine)
    {
        var start = new ProcessStartInfo("sh") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        start.Environment["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            output = stdout + "\n(timed out)";
            return -1;
        }

        output = stdout + stderr.GetAwaiter().GetResult();
        return process.ExitCode;
    }
}
