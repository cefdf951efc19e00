namespace Iopf.Harness.Tests;

/// <summary>`iopf verify`: every engine in order, and one table that says what each established.</summary>
[Collection(HarnessCollection.Name)]
public sealed class VerifyCommandTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void The_correct_model_is_verified_by_every_engine()
    {
        var result = IopfCli.Run("verify", "--plan", Repo.TestPlan, "--world", "SingleFault", "--world", "StaleCompletionFrame", "--out", sandbox.Out);

        Assert.True(result.ExitCode == ExitCodes.Holds, result.Out + result.Err);
        Assert.Contains("Z3: 68 descriptor invariants proved for all values; 18 broken twins refuted", result.Out);
        Assert.Matches(@"SingleFault\s+│ all interleavings explored \(15 states\)\s+│ no violation in 50 sampled schedules", result.Out);
        Assert.Matches(@"StaleCompletionFrame\s+│ not small: sampled only\s+│ no violation in 50 sampled schedules", result.Out);
        Assert.Contains("verified: 1 of 2 worlds explored exhaustively (15 states), 2 sampled (100 schedules).", result.Out);
        Assert.Empty(sandbox.Files());
    }

    [Fact]
    public void A_mutant_is_reported_violated_by_both_explorers_with_its_trace()
    {
        var result = IopfCli.Run("verify", "--plan", Repo.TestPlan, "--world", "SingleFault", "--mutant", "VmmCopiesTwice", "--out", sandbox.Out);

        Assert.Equal(ExitCodes.Violated, result.ExitCode);
        Assert.Matches(@"SingleFault\s+│ violated: NoDoubleCopy in 10 steps\s+│ violated: NoDoubleCopy \(trace at SingleFault.counterexample.txt\)", result.Out);
        Assert.Contains("SingleFault: shortest path to the violation: iopf exhaustive --world SingleFault --mutant VmmCopiesTwice", result.Out);
        Assert.Contains($"  counterexample: {Path.Combine(sandbox.Out, "SingleFault.schedule.json")}", result.Out);
        Assert.Contains("NOT verified: 1 of 1 worlds explored exhaustively (10 states), 1 sampled (1 schedule).", result.Out);
        Assert.Contains("out/SingleFault.counterexample.txt", sandbox.Files());
    }

    [Fact]
    public void A_search_cut_short_by_the_plan_bound_is_incomplete_not_verified()
    {
        var plan = sandbox.Write("bounded.json", "{\n  \"defaults\": { \"iterations\": 5, \"seed\": 7 },\n  \"exhaustive\": { \"maxStates\": 5 }\n}\n");
        var result = IopfCli.Run("verify", "--plan", plan, "--world", "SingleFault", "--out", sandbox.Out);

        Assert.True(result.ExitCode == ExitCodes.Incomplete, result.Out + result.Err);
        Assert.Matches(@"SingleFault\s+│ NOT complete: ", result.Out);
        Assert.Contains("NOT verified (incomplete): 1 of 1 worlds explored exhaustively (5 states), 1 sampled (5 schedules).", result.Out);
    }

    [Fact]
    public void Bad_input_is_refused_before_any_proof_runs()
    {
        var result = IopfCli.Run("verify", "--world", "Nope", "--out", sandbox.Out);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("unknown world 'Nope'", result.Err);
        Assert.DoesNotContain("Z3", result.Out);
        Assert.Empty(sandbox.Files());
    }
}
