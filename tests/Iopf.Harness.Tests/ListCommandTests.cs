using Iopf.Worlds.Sampling;
using Iopf.Harness.Commands;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Harness.Tests;

/// <summary>`iopf list` names every world, design, mutant and strategy the other commands accept.</summary>
public sealed class ListCommandTests
{
    [Fact]
    public void Lists_every_world_design_mutant_layout_and_strategy_with_its_summary()
    {
        var result = IopfCli.Run("list");

        Assert.Equal(ExitCodes.Holds, result.ExitCode);
        // Long summaries wrap inside their cell: read the table as one line of words.
        var words = System.Text.RegularExpressions.Regex.Replace(result.Out, @"\s+", " ");
        foreach (var world in WorldCatalog.BuiltIn)
        {
            Assert.Contains(world.Name, result.Out);
            Assert.Contains(world.Description, words);
        }

        Assert.All(Iopf.Protocol.Designs.DesignRegistry.All, d => Assert.Contains(d.Name, result.Out));

        foreach (var mutant in Mutant.All)
        {
            Assert.Contains(mutant.Name, result.Out);
            Assert.Contains($"{mutant.Description} ({mutant.Mechanism})", words);
        }

        Assert.All(Iopf.Protocol.Descriptors.FormatCatalog.BuiltIn, f => Assert.Contains($"{f.Name} {ListCommand.LayoutSummary(f)}", words));
        Assert.Contains("Smmuv3PriqEntry smmuv3 request, 128 bits (specs/layouts/smmuv3/Smmuv3PriqEntry.json)", words);
        Assert.All(StrategyNames.All, s => Assert.Contains(s, result.Out));
    }

}
