using Iopf.Protocol.Designs;
using Iopf.Protocol.Configuration;

namespace Iopf.Exhaustive.Tests;

/// <summary>The exhaustive section of coyote.json: defaults, bounds, the user's own configurations, and one-line refusals.</summary>
public class ExhaustivePlanTests
{
    private const string Rig = """
        {
          "scenarios": { "SingleFault": {} },
          "exhaustive": {
            "configurations": [ "Rig", "RingsAtWrap" ],
            "maxStates": 5000,
            "maxDepth": 40,
            "custom": {
              "Rig": {
                "description": "two faults through one buffer",
                "vms": 1, "pagesPerVm": 2, "hostFrames": 2,
                "faultBuffers": { "base": 1048576, "bufferSize": 4096, "count": 1 },
                "iopfQueueCapacity": 2, "faultBufferQueueCapacity": 2, "completionQueueCapacity": 2,
                "initiallyResident": [ { "vm": 0, "page": 1 } ],
                "payloads": [ { "vm": 0, "page": 0 }, { "vm": 0, "page": 0, "offset": 64, "length": 32 } ]
              }
            }
          }
        }
        """;

    [Fact]
    public void The_repository_plan_loads_and_its_custom_configuration_is_clean_exhaustively()
    {
        var plan = ExhaustivePlan.Load(Path.Combine(RepoRoot(), "coyote.json"));
        Assert.Equal([.. SmallScope.All.Select(c => c.Name), "BurstThroughOneBuffer"], plan.Defaults.Select(c => c.Name));
        var result = ExhaustiveExplorer.Explore(plan.Find("BurstThroughOneBuffer")!.Config, plan.Options);
        Assert.True(result.Complete);
        Assert.Null(result.Violation);
        Assert.Equal(0, result.CompletionUnreachableStates);
    }

    [Fact]
    public void A_custom_configuration_becomes_the_model_config_it_describes()
    {
        var plan = ExhaustivePlan.Parse(Rig, "rig.json");
        Assert.Equal(["Rig", "RingsAtWrap"], plan.Defaults.Select(c => c.Name));
        Assert.Equal(5000, plan.Options.MaxStates);
        Assert.Equal(40, plan.Options.MaxDepth);

        var rig = plan.Find("Rig")!;
        Assert.Equal("two faults through one buffer", rig.Description);
        Assert.Equal(1, rig.Config.FaultBuffers.BufferCount);
        Assert.Equal([new GuestPage(0, 1)], rig.Config.InitiallyResident.ToArray());
        Assert.Equal(2, rig.Config.Payloads.Length);
        Assert.Equal(new Iopf.Protocol.Memory.Payload(1, 0, 64, 32), rig.Config.Payloads[1]);
        Assert.Same(ClaimedDesign.Instance, rig.Config.Design);
        Assert.NotNull(plan.Find("TwoVmsSharedBuffersHeavyPressure"));
    }

    [Fact]
    public void A_plan_without_an_exhaustive_section_is_the_built_in_one()
    {
        var plan = ExhaustivePlan.Parse("""{ "scenarios": { "SingleFault": {} } }""", "plain.json");
        Assert.Same(ExhaustivePlan.BuiltIn, plan);
        Assert.Equal(SmallScope.All, plan.Defaults);
    }

    [Theory]
    [InlineData("\"maxStates\": 0", "plan.json:3: exhaustive.maxStates: must be at least 1, not 0")]
    [InlineData("\"maxDepth\": -1", "plan.json:3: exhaustive.maxDepth: must be at least 0, not -1")]
    [InlineData("\"configurations\": [ \"Nope\" ]", "plan.json:3: exhaustive.configurations: unknown configuration 'Nope'")]
    [InlineData("\"configurations\": []", "plan.json:3: exhaustive.configurations: must name at least one configuration")]
    [InlineData("\"colour\": 1", "plan.json:3: The JSON property 'colour' could not be mapped")]
    [InlineData("\"maxStates\": \"many\"", "plan.json:3: The JSON value could not be converted")]
    [InlineData("\"custom\": { \"X\": { \"vms\": 1 } }", "plan.json:3: exhaustive.custom.X.payloads: at least one DMA is needed")]
    [InlineData("\"custom\": { \"X\": { \"hostFrames\": 1, \"payloads\": [ { \"vm\": 0, \"page\": 0 } ] } }", "plan.json:3: exhaustive.custom.X.hostFrames: 1 must be at least 2")]
    [InlineData("\"custom\": { \"X\": { \"payloads\": [ { \"vm\": 5, \"page\": 0 } ] } }", "plan.json:3: exhaustive.custom.X.payloads[0]: vm 5 is not in 0..1")]
    [InlineData("\"custom\": { \"X\": { \"design\": \"Magic\", \"payloads\": [ { \"vm\": 0, \"page\": 0 } ] } }", "plan.json:3: exhaustive.custom.X.design: unknown design 'Magic'")]
    [InlineData("\"custom\": { \"X\": { \"payloads\": [ { \"vm\": 0, \"page\": 0, \"size\": 8 } ] } }", "plan.json:3: The JSON property 'size' could not be mapped")]
    [InlineData("\"custom\": { \"RingsAtWrap\": { \"payloads\": [ { \"vm\": 0, \"page\": 0 } ] } }", "plan.json:3: exhaustive.custom.RingsAtWrap: the name of a built-in configuration")]
    public void Bad_input_is_refused_in_one_line_naming_file_line_and_key(string member, string expected)
    {
        var json = "{\n  \"exhaustive\": {\n    " + member + "\n  }\n}\n";
        var error = Assert.Throws<ExhaustivePlanException>(() => ExhaustivePlan.Parse(json, "plan.json"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_plan_file_is_one_line()
    {
        var error = Assert.Throws<ExhaustivePlanException>(() => ExhaustivePlan.Load("no/such/coyote.json"));
        Assert.Equal("no/such/coyote.json: file not found", error.Message);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verification.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
