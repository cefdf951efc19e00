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
        var clean = IopfCli.Run("exhaustive", "--config", "TwoVmsUnderPressure");
        Assert.Equal(ExitCodes.Holds, clean.ExitCode);
        Assert.Contains("all interleavings explored", clean.Out);

        var broken = IopfCli.Run("exhaustive", "--config", "TwoVmsUnderPressure", "--mutant", "EvictionSkipsAtcInvalidation");
        Assert.Equal(ExitCodes.Violated, broken.ExitCode);
        Assert.Contains("VmIsolation violated", broken.Out);
    }

    [Fact]
    public void Exhaustive_refuses_an_unknown_configuration_in_one_line()
    {
        var result = IopfCli.Run("exhaustive", "--config", "Nope");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Single(result.Err.Trim().Split('\n'));
        Assert.Contains("TwoVmsSharedBuffers", result.Err);
    }

    [Fact]
    public void Matrix_writes_markdown_json_and_schedules()
    {
        using var sandbox = new Sandbox();
        var result = IopfCli.Run("matrix", "--scenario", "SingleFault", "--iterations", "20", "--out", sandbox.Out);
        Assert.Equal(ExitCodes.Holds, result.ExitCode);
        var files = sandbox.Files();
        Assert.Contains("out/matrix.md", files);
        Assert.Contains("out/matrix.json", files);
        Assert.Contains("out/schedules/DropOnFault-NoPayloadLost.trace", files);
        Assert.Contains("DropOnFault", result.Out);
    }

    [Fact]
    public void Matrix_refuses_an_unknown_scenario_and_writes_nothing()
    {
        using var sandbox = new Sandbox();
        var result = IopfCli.Run("matrix", "--scenario", "Nope", "--out", sandbox.Out);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("unknown scenario 'Nope'", result.Err);
        Assert.Empty(sandbox.Files());
    }
}
