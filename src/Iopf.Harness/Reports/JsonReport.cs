using Iopf.Worlds.Sampling;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iopf.Harness.Running;
using Iopf.Models.Exploration;

namespace Iopf.Harness.Reports;

/// <summary>
/// The run as JSON for CI: every world with its budget, mutants, per-property verdicts, iterations and
/// schedule file. Everything that varies between identical runs (wall-clock times) sits under "timings",
/// so a comparison can drop that one field; schedule paths are relative to the out directory.
/// </summary>
public static class JsonReport
{
    public static string Render(IReadOnlyList<WorldResult> results, string modelFingerprint, TimeSpan total)
    {
        var worlds = new JsonArray();
        var timings = new JsonObject { ["totalSeconds"] = Math.Round(total.TotalSeconds, 3) };
        var perWorld = new JsonObject();
        foreach (var r in results)
        {
            var properties = new JsonArray();
            foreach (var (name, verdict) in PropertyVerdicts.All(r))
            {
                properties.Add(new JsonObject
                {
                    ["name"] = name,
                    ["verdict"] = PropertyVerdicts.Word(verdict),
                });
            }

            var entry = new JsonObject
            {
                ["name"] = r.Run.World.Name,
                ["mutants"] = new JsonArray([.. r.Run.World.Mutants.Select(m => m.Name).Order(StringComparer.Ordinal).Select(m => (JsonNode)m)]),
                ["strategy"] = r.Run.Budget.Strategy.ToCliName(),
                ["seed"] = r.Run.Budget.Seed,
                ["maxSteps"] = r.Run.Budget.MaxSteps,
                ["iterationsBudget"] = r.Run.Budget.Iterations,
                ["iterationsRun"] = r.Outcome.IterationsRun,
                ["shards"] = r.Shards,
                ["verdict"] = r.Outcome.Holds ? "holds" : "violated",
                ["properties"] = properties,
            };
            if (!r.Outcome.Holds)
            {
                entry["violation"] = new JsonObject
                {
                    ["property"] = r.Outcome.ViolatedProperty,
                    ["verdict"] = r.Outcome.Verdict,
                    ["scheduleSteps"] = r.Outcome.StepsInBugTrace,
                    ["schedule"] = r.ScheduleFileName,
                };
            }

            worlds.Add(entry);
            perWorld[r.Run.World.Name] = Math.Round(r.Elapsed.TotalSeconds, 3);
        }

        timings["worlds"] = perWorld;
        var report = new JsonObject
        {
            ["tool"] = Cli.Name,
            ["modelFingerprint"] = modelFingerprint,
            ["verdict"] = results.All(r => r.Outcome.Holds) ? "holds" : "violated",
            ["worlds"] = worlds,
            ["timings"] = timings,
        };
        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
