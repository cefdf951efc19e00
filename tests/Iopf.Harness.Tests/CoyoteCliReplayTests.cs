using System.Diagnostics;

namespace Iopf.Harness.Tests;

/// <summary>
/// The raw .trace beside each schedule is for Coyote's own CLI: `dotnet coyote replay` (the repository's local
/// tool) must reproduce the bug from it. The one test that starts processes.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class CoyoteCliReplayTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Dotnet_coyote_replay_reproduces_the_bug_from_the_raw_trace()
    {
        Assert.Equal(ExitCodes.Violated, IopfCli.RunWorld(sandbox, "SingleFault", "CompleteBeforeCopy").ExitCode);
        // The model's own build output (artifacts/bin/Iopf.Models/<config>/), as the docs name it: Coyote needs its deps.json.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var model = Path.Combine(Repo.Root, "artifacts", "bin", "Iopf.Models", configuration, "Iopf.Models.dll");
        var trace = Path.Combine(sandbox.Out, "SingleFault.trace");

        Assert.Equal(0, Dotnet(out _, "tool", "restore"));
        var code = Dotnet(out var output, "coyote", "replay", model, trace, "-m", "World");

        // Coyote's exit code reports the bug it found, so only a timeout (-1) is a failure of the tool itself.
        Assert.True(code != -1, output);
        Assert.Contains("Reproduced 1 bug", output);
        Assert.Contains("[FaultBufferHeldUntilCopied] fault buffer 0 freed before P0 was copied out of it", output);
    }

    private int Dotnet(out string output, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["IOPF_MUTANTS"] = "CompleteBeforeCopy";
        start.Environment["IOPF_WORLD"] = "SingleFault";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            output = stdout + "\n(timed out)";
            return -1;
        }

        output = stdout + stderr.GetAwaiter().GetResult();
        return process.ExitCode;
    }
}
