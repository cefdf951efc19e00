using Iopf.Exhaustive;
using Iopf.Harness.Rendering;
using Iopf.Protocol.Coverage;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Harness.Tests;

/// <summary>The coverage lines `iopf exhaustive` prints after its table, and its mutant adequacy lines.</summary>
public class CoverageLinesTests
{
    [Fact]
    public void The_coverage_lines_name_what_no_world_reached_within_80_columns()
    {
        var reached = ExhaustiveExplorer.Explore(Config("SingleFault")).Reached;
        var lines = CoverageLines.For([("SingleFault", reached)]).ToList();

        Assert.Equal("coverage SingleFault  steps 12/34, facts 12/19, decisions 16/33", lines[0]);
        Assert.Equal($"reached by no world ({CoveragePoint.All.Count - reached.Count} of {CoveragePoint.All.Count} points):", lines[1]);
        Assert.All(lines, l => Assert.InRange(l.Length, 1, 80));
        Assert.Contains(lines, l => l.Contains("PostedWrite", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mutant_whose_decision_a_world_never_consults_is_reported_not_exercised_there()
    {
        var mutant = Mutant.Find("PublishedIndexTrusted")!;
        var ordered = ExhaustiveExplorer.Explore(Config("SlotsPublishedInOrder", mutant)).Reached;
        var passing = ExhaustiveExplorer.Explore(Config("IndexPassesSlot", mutant)).Reached;

        Assert.Equal(
            ["not exercised: PublishedIndexTrusted on SlotsPublishedInOrder (no step consulted PublishedSlotCheck)"],
            CoverageLines.NotExercised([mutant], [("SlotsPublishedInOrder", ordered), ("IndexPassesSlot", passing)]));
    }

    private static Protocol.Configuration.ModelConfig Config(string world, Mutant? mutant = null)
    {
        var definition = WorldCatalog.Find(world)!;
        return (mutant is null ? definition : definition.WithMutants([mutant])).Config;
    }
}
