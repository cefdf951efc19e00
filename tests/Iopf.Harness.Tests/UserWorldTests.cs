using System.Diagnostics;

namespace Iopf.Harness.Tests;

/// <summary>
/// A world file a user writes in a folder of their own (outside the repository, no coyote.json there) runs
/// under every engine: `iopf run`, `iopf exhaustive` and `dotnet coyote test` of the models assembly; and a
/// schedule recorded on it replays after the world file is gone, because the schedule carries the world.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class UserWorldTests : IDisposable
{
    private const string MyRig = """
        {
          "description": "my rig: two DMAs to one page through a single fault buffer",
          "vms": 1, "pagesPerVm": 2, "hostFrames": 2,
          "faultBuffers": { "base": 2097152, "bufferSize": 4096, "count": 1 },
          "iopfQueueCapacity": 2, "faultBufferQueueCapacity": 2, "completionQueueCapacity": 2,
          "initiallyResident": [ { "vm": 0, "page": 1 } ],
          "payloads": [ { "vm": 0, "page": 0 }, { "vm": 0, "page": 0, "offset": 128 } ],
          "sampling": { "iterations": 30, "seed": 3 },
          "exhaustive": { "small": true }
        }
        """;

    private readonly Sandbox sandbox = new();
    private readonly string world;

    public UserWorldTests() => world = sandbox.Write("MyRig.json", MyRig);

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void Iopf_run_samples_it_and_finds_a_mutant_that_replays_without_the_file()
    {
        var clean = IopfCli.Run("run", "--world", world, "--out", sandbox.Out);
        Assert.True(clean.ExitCode == ExitCodes.Holds, clean.Out + clean.Err);
        Assert.Contains("MyRig", clean.Out);

        var broken = IopfCli.Run("run", "--world", world, "--mutant", "VmmCopiesTwice", "--out", sandbox.Out);
        Assert.True(broken.ExitCode == ExitCodes.Violated, broken.Out + broken.Err);
        var schedule = Path.Combine(sandbox.Out, "MyRig.schedule.json");
        Assert.True(File.Exists(schedule));

        File.Delete(world);
        var replay = IopfCli.Run("replay", schedule);
        Assert.True(replay.ExitCode == ExitCodes.Violated, replay.Out + replay.Err);
        Assert.Contains("replayed MyRig (mutants VmmCopiesTwice)", replay.Out);
    }

    [Fact]
    public void Iopf_exhaustive_explores_every_interleaving_of_it()
    {
        var clean = IopfCli.Run("exhaustive", "--world", world);
        Assert.True(clean.ExitCode == ExitCodes.Holds, clean.Out + clean.Err);
        Assert.Matches(@"MyRig\s+│ all interleavings explored", clean.Out);

        var broken = IopfCli.Run("exhaustive", "--world", world, "--mutant", "CompleteBeforeCopy");
        Assert.Equal(ExitCodes.Violated, broken.ExitCode);
        Assert.Contains("MyRig: FaultBufferHeldUntilCopied violated", broken.Out);
    }

    [Fact]
    public void Dotnet_coyote_test_runs_it_through_the_world_entry_point()
    {
        var clean = CoyoteTest(world, mutants: string.Empty);
        Assert.Contains("Found 0 bugs", clean);

        var broken = CoyoteTest(world, mutants: "CompleteBeforeCopy");
        Assert.Contains("Found 1 bug", broken);
        Assert.Contains("[FaultBufferHeldUntilCopied]", broken);
    }

    [Fact]
    public void Dotnet_coyote_test_without_a_world_says_how_to_choose_one()
    {
        var output = CoyoteTest(world: null, mutants: string.Empty);
        Assert.Contains("no world chosen: set IOPF_WORLD to a built-in world", output);
    }

    private string CoyoteTest(string? world, string mutants)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var model = Path.Combine(Repo.Root, "artifacts", "bin", "Iopf.Models", configuration, "Iopf.Models.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            // The user's own folder: nothing of the repository is found from there but the assembly named.
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "coyote", "test", model, "-m", "World", "-i", "20", "--seed", "1", "-s", "random", "-o", Path.Combine(sandbox.Root, "coyote") })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["IOPF_MUTANTS"] = mutants;
        start.Environment["IOPF_WORLD"] = world ?? string.Empty;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)), "dotnet coyote test did not finish in 2 minutes");
        return stdout + stderr.Result;
    }
}
