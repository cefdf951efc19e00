using Iopf.Worlds.Sampling;
using System.Diagnostics;
using Iopf.Models.Exploration;
using Iopf.Models.Mutants;
using Iopf.Models.Entry;
using Iopf.Worlds.Mutants;

namespace Iopf.Tests.Models;

/// <summary>
/// The schedule of every mutant of the sampled zoo, found in-process, replays to the same violation through
/// Coyote's own CLI (`dotnet coyote replay`, the local tool of .config/dotnet-tools.json) on the models
/// assembly, and does not fail on the correct model.
/// </summary>
[Collection(CoyoteCollection.Name)]
public class CoyoteCliReplayTests
{
    private static readonly ExplorationBudget Budget = new(Iterations: 1000, Seed: 7);

    public static TheoryData<string> Mutants() => [.. Mutant.Sampled.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Mutants))]
    public void The_mutant_schedule_replays_with_dotnet_coyote_replay(string mutant)
    {
        var witness = Mutant.Find(mutant)!;
        var property = witness.Property;
        var outcome = Explorer.Explore(witness.Broken(), Budget);
        Assert.Equal(property, outcome.ViolatedProperty);

        var dir = Directory.CreateTempSubdirectory("iopf-replay-");
        try
        {
            var schedule = Path.Combine(dir.FullName, $"{witness.World}.trace");
            File.WriteAllText(schedule, outcome.ReproducibleTrace);
            var output = CoyoteReplay(schedule, witness.World, witness.Name);
            Assert.True(output.Contains("Reproduced 1 bug", StringComparison.Ordinal), output);
            Assert.Contains(property, output);

            var onCorrectModel = CoyoteReplay(schedule, witness.World, mutants: string.Empty);
            Assert.DoesNotContain("Reproduced 1 bug", onCorrectModel);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string CoyoteReplay(string schedule, string world, string mutants)
    {
        // The models project's own output (its deps.json resolves the protocol and specs assemblies);
        // same configuration folder as this test assembly (artifacts/bin/<Project>/<config>/).
        var configuration = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var models = Path.Combine(RepoFiles.Root, "artifacts", "bin", "Iopf.Models", configuration, $"{typeof(CoyoteTests).Assembly.GetName().Name}.dll");
        Assert.True(File.Exists(models), $"{models} is not built");
        var start = new ProcessStartInfo("dotnet", ["coyote", "replay", models, schedule, "-m", "World"])
        {
            WorkingDirectory = RepoFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment[MutantSelection.Variable] = mutants;
        start.Environment[WorldSelection.Variable] = world;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "dotnet coyote replay did not finish in 2 minutes");
        return stdout.Result + stderr.Result;
    }
}
