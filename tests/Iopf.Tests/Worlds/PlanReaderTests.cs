using Iopf.Worlds;
using Iopf.Worlds.Plan;
using Iopf.Worlds.Reading;
using Iopf.Worlds.Sampling;

namespace Iopf.Tests.Worlds;

/// <summary>coyote.json, read by the world reader's own validator: defaults, the world list, bounds, refusals.</summary>
public class PlanReaderTests
{
    [Fact]
    public void A_plan_names_built_in_worlds_and_world_files_relative_to_its_folder()
    {
        var folder = Directory.CreateTempSubdirectory("iopf-plan-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "rigs"));
            File.WriteAllText(Path.Combine(folder.FullName, "rigs", "Rig.json"), WorldCatalog.Find("SingleFault")!.Text);
            var plan = PlanReader.Parse(
                """{ "defaults": { "iterations": 5, "seed": 9 }, "worlds": [ "FaultBurst", "rigs/Rig.json" ], "exhaustive": { "maxStates": 100, "maxDepth": 7 } }""",
                "plan.json",
                folder.FullName);

            Assert.Equal(["FaultBurst", "Rig"], plan.Worlds.Select(w => w.Name));
            Assert.True(plan.Worlds[0].IsBuiltIn);
            Assert.Equal(Path.Combine(folder.FullName, "rigs/Rig.json"), plan.Worlds[1].Origin);
            Assert.Equal(new ExplorationBudget(5, Strategy.Random, 2000, 9, 10), plan.Defaults);
            Assert.Equal((100, 7), (plan.MaxStates, plan.MaxDepth));
            Assert.Equal(plan.Defaults with { Iterations = 200 }, plan.BudgetOf(WorldCatalog.Find("TwoVmsSharedBuffers")!));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_plan_without_a_world_list_checks_every_built_in_world()
    {
        var plan = PlanReader.Parse("{}", "plan.json", ".");
        Assert.Same(WorldCatalog.BuiltIn, plan.Worlds);
        Assert.Equal(VerificationPlan.BuiltInDefaults, plan.Defaults);
    }

    [Theory]
    [InlineData("{\n  \"worlds\": [ \"Nope\" ]\n}", "plan.json:2: worlds[0]: unknown world 'Nope'; built-in worlds: AtcInvalidationRacesCompletion, ")]
    [InlineData("{\n  \"worlds\": [ \"SingleFault\",\n    \"SingleFault\" ]\n}", "plan.json:3: worlds[1]: world 'SingleFault' is listed twice")]
    [InlineData("{\n  \"worlds\": []\n}", "plan.json:2: worlds: empty: name at least one world, or leave the key out to check every built-in world")]
    [InlineData("{\n  \"scenarios\": {}\n}", "plan.json:2: scenarios: unknown key; valid here: $schema, defaults, exhaustive, worlds")]
    [InlineData("{\n  \"defaults\": {\n    \"iterashuns\": 5\n  }\n}", "plan.json:3: defaults.iterashuns: unknown key; valid here: iterations, maxSteps, seed, strategy, strategyBound")]
    [InlineData("{\n  \"exhaustive\": { \"maxStates\": 0 }\n}", "plan.json:2: exhaustive.maxStates: 0 is not a whole number in 1..2147483647")]
    [InlineData("{\n  \"worlds\": [ \"missing/Gone.json\" ]\n}", "missing/Gone.json: world file not found")]
    public void A_bad_plan_is_refused_in_one_line(string text, string expected)
    {
        var error = Assert.Throws<DataFileException>(() => PlanReader.Parse(text, "plan.json", "."));
        Assert.StartsWith(expected.Replace("missing/", "./missing/", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_built_in_worlds_load_and_are_valid()
    {
        Assert.Equal(Directory.GetFiles(Path.Combine(Iopf.Tests.Models.RepoFiles.Root, "worlds"), "*.json").Length, WorldCatalog.BuiltIn.Count);
        Assert.All(WorldCatalog.BuiltIn, w => Assert.Empty(w.Config.Problems()));
        Assert.Equal(WorldCatalog.BuiltIn.Select(w => w.Name).Order(StringComparer.Ordinal), WorldCatalog.BuiltIn.Select(w => w.Name));
    }
}
