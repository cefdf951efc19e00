namespace Iopf.Harness.Tests;

/// <summary>`iopf prove`, `iopf exhaustive`, `iopf matrix`, `iopf mutants`: exit codes and what they write.</summary>
[Collection(HarnessCollection.Name)]
public sealed class MoreCommandsTests
{
    [Fact]
    public void Prove_proves_every_invariant_and_refutes_every_twin()
    {
        var result = IopfCli.Run("prove");
        Assert.Equal(ExitCodes.Holds, result.ExitCode);
        Assert.Contains("layout-round-trip-FaultDescriptor", result.Out);
        Assert.Contains("0 unexpected", result.Out);
    }

    [Fact]
    public void Exhaustive_is_clean_on_the_correct_model_and_finds_a_mutant_with_a_shortest_path()
    {
        var clean = IopfCli.Run("exhaustive", "--world", "TwoVmsUnderPressure");
        Assert.Equal(ExitCodes.Holds, clean.ExitCode);
        Assert.Contains("all interleavings explored", clean.Out);

        using var sandbox = new Sandbox();
        var broken = IopfCli.Run("exhaustive", "--world", "TwoVmsUnderPressure", "--mutant", "EvictionSkipsAtcInvalidation", "--out", sandbox.Out);
        Assert.Equal(ExitCodes.Violated, broken.ExitCode);
        Assert.Contains("VmIsolation violated", broken.Out);
    }

    [Fact]
    public void Exhaustive_refuses_an_unknown_world_in_one_line()
    {
        var result = IopfCli.Run("exhaustive", "--world", "Nope");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Single(result.Err.Trim().Split('\n'));
        Assert.Contains("TwoVmsSharedBuffers", result.Err);
    }

    [Fact]
    public void Exhaustive_checks_a_world_file_the_plan_names()
    {
        using var sandbox = new Sandbox();
        sandbox.Write("Rig.json", """
            {
              "description": "one fault, one VM, two frames",
              "vms": 1, "pagesPerVm": 2, "hostFrames": 2,
              "faultBuffers": { "base": 1048576, "bufferSize": 4096, "count": 2 },
              "iopfQueueCapacity": 2, "faultBufferQueueCapacity": 2, "completionQueueCapacity": 2,
              "initiallyResident": [ { "vm": 0, "page": 1 } ],
              "payloads": [ { "vm": 0, "page": 0 } ],
              "exhaustive": { "small": true }
            }
            """);
        var plan = sandbox.Write("plan.json", """{ "worlds": [ "Rig.json" ] }""");
        var clean = IopfCli.Run("exhaustive", "--plan", plan);
        Assert.Equal(ExitCodes.Holds, clean.ExitCode);
        Assert.Matches(@"Rig\s+│ all interleavings explored", clean.Out);

        var broken = IopfCli.Run("exhaustive", "--plan", plan, "--world", "Rig", "--mutant", "DeviceNeverNotified", "--out", sandbox.Out);
        Assert.Equal(ExitCodes.Violated, broken.ExitCode);
        Assert.Contains("Rig: EveryFaultCompleted violated", broken.Out);
    }

    [Fact]
    public void Exhaustive_bounds_from_the_command_line_stop_the_search_say_so_and_exit_incomplete()
    {
        var result = IopfCli.Run("exhaustive", "--world", "TwoVmsSharedBuffers", "--max-states", "1");
        Assert.Equal(ExitCodes.Incomplete, result.ExitCode);
        Assert.Contains("stopped at bound 1 states", result.Out);
        Assert.Contains("incomplete: TwoVmsSharedBuffers stopped at a bound before every interleaving was explored; no verdict (exit 3)", result.Out);
    }

    [Theory]
    [InlineData("--max-states", "0", "iopf: --max-states: must be at least 1, not 0")]
    [InlineData("--max-depth", "-2", "iopf: --max-depth: must be at least 0, not -2")]
    [InlineData("--plan", "no/such/plan.json", "iopf: no/such/plan.json: plan file not found")]
    public void Exhaustive_refuses_bad_options_in_one_line(string option, string value, string expected)
    {
        var result = IopfCli.Run("exhaustive", option, value);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal(expected, result.Err.Trim());
        Assert.Empty(result.Out);
    }

    [Fact]
    public void Matrix_writes_markdown_json_and_schedules()
    {
        using var sandbox = new Sandbox();
        var result = IopfCli.Run("matrix", "--world", "SingleFault", "--iterations", "20", "--out", sandbox.Out);
        Assert.Equal(ExitCodes.Holds, result.ExitCode);
        var files = sandbox.Files();
        Assert.Contains("out/matrix.md", files);
        Assert.Contains("out/matrix.json", files);
        Assert.Contains("out/schedules/DropOnFault-NoPayloadLost.trace", files);
        Assert.Contains("DropOnFault", result.Out);
    }

    [Fact]
    public void Matrix_refuses_an_unknown_world_and_writes_nothing()
    {
        using var sandbox = new Sandbox();
        var result = IopfCli.Run("matrix", "--world", "Nope", "--out", sandbox.Out);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("unknown world 'Nope'", result.Err);
        Assert.Empty(sandbox.Files());
    }
}
