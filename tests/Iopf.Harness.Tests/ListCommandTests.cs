using Iopf.Harness.Commands;
using Iopf.Models.Exploration;
using Iopf.Models.Scenarios;
using Iopf.Protocol.Configuration;

namespace Iopf.Harness.Tests;

/// <summary>`iopf list` names every scenario, mutant and strategy the other commands accept.</summary>
public sealed class ListCommandTests
{
    [Fact]
    public void Lists_every_scenario_mutant_and_strategy_with_its_summary()
    {
        var result = IopfCli.Run("list");

        Assert.Equal(ExitCodes.Holds, result.ExitCode);
        foreach (var scenario in ScenarioCatalog.All)
        {
            Assert.Contains(scenario.Name, result.Out);
            Assert.Contains(scenario.Summary, result.Out);
        }

        foreach (var mutant in Enum.GetValues<Mutant>())
        {
            Assert.Contains($"{mutant}", result.Out);
            Assert.Contains(ListCommand.DescriptionOf(mutant), result.Out);
        }

        Assert.All(StrategyNames.All, s => Assert.Contains(s, result.Out));
    }

    [Fact]
    public void Every_mutant_has_a_description()
    {
        Assert.All(Enum.GetValues<Mutant>(), m => Assert.NotEqual("(no description)", ListCommand.DescriptionOf(m)));
    }
}
