using System.Reflection;
using Iopf.Protocol.Rules;
using Iopf.Specs.Properties;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;

namespace Iopf.Exhaustive.Tests;

/// <summary>The mutant table is complete and consistent: what every engine's mutant tests read is checked here once.</summary>
public class MutantTableTests
{
    /// <summary>The decision points: the enum-typed properties of ProtocolRules.</summary>
    private static readonly PropertyInfo[] Decisions =
        [.. typeof(ProtocolRules).GetProperties().Where(p => p.PropertyType.IsEnum).OrderBy(p => p.Name, StringComparer.Ordinal)];

    [Fact]
    public void Every_mutant_is_in_the_table_exactly_once()
    {
        Assert.Equal(Mutant.All.Count, Mutant.All.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Mutant.All.Count, Mutant.All.Select(m => m.Choice).Distinct().Count());
        Assert.All(Mutant.All, m => Assert.Same(m, Mutant.Find(m.Name)));
    }

    [Fact]
    public void Every_row_is_filled_in()
    {
        Assert.All(Mutant.All, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Description), m.Name);
            Assert.False(string.IsNullOrWhiteSpace(m.Source), m.Name);
            Assert.True(m.BeyondSampling is null || m.BeyondSampling.Trim().Length > 0, m.Name);
            Assert.True(m.Exhaustive.Length > 0, m.Name);
            Assert.True(Enum.TryParse<ViolationKind>(m.Exhaustive.Kind, out _), $"{m.Name}: {m.Exhaustive.Kind} is not a ViolationKind");
        });
    }

    [Fact]
    public void Every_world_a_row_names_is_built_in_and_the_exhaustive_one_is_small()
    {
        Assert.All(Mutant.All, m =>
        {
            Assert.True(WorldCatalog.Find(m.World) is not null, $"{m.Name}: no world {m.World}");
            Assert.True(WorldCatalog.Find(m.Exhaustive.World) is { IsSmall: true }, $"{m.Name}: {m.Exhaustive.World} is not a small built-in world");
        });
    }

    [Fact]
    public void Every_property_is_some_mutants_and_has_exactly_one_witness()
    {
        Assert.Equal(
            ["CompletionAnswersOutstandingFault", "EveryFaultCompleted", "FaultBufferHeldUntilCopied", "NoCrossVmDataLeak", "NoDoubleCopy", "NoFaultBufferLeaks", "NoPayloadLost", "NothingReachesARecycledVm", "RingsDeliverEveryDescriptorInOrder", "TeardownCompletes", "VmIsolation"],
            PropertySet.Names.Order(StringComparer.Ordinal));
        Assert.All(Mutant.All, m => Assert.Contains(m.Property, PropertySet.Names));
        Assert.All(PropertySet.Names, p =>
        {
            Assert.Contains(Mutant.All, m => m.Property == p);
            Assert.Single(Mutant.All, m => m.Witness && m.Property == p);
        });
    }

    [Fact]
    public void The_correct_rules_take_the_first_choice_of_every_decision()
    {
        Assert.All(Decisions, d => Assert.Equal(0, Convert.ToInt32(d.GetValue(ProtocolRules.Correct), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(ProtocolRules.Correct, new ProtocolRules());
    }

    [Fact]
    public void Each_row_changes_exactly_its_decision_to_its_choice()
    {
        Assert.All(Mutant.All, m =>
        {
            var rules = Mutant.Rules([m]);
            var changed = Decisions.Where(d => !Equals(d.GetValue(rules), d.GetValue(ProtocolRules.Correct))).ToList();
            var decision = Assert.Single(changed);
            Assert.Equal(m.Choice.GetType(), decision.PropertyType);
            Assert.Equal(m.Choice, decision.GetValue(rules));
            Assert.Equal($"{decision.PropertyType.Name}.{m.Choice}", m.Mechanism);
        });
    }

    [Fact]
    public void Every_non_default_choice_of_every_decision_is_some_mutants()
    {
        var reached = Mutant.All.Select(m => m.Choice).ToHashSet();
        var missing = Decisions
            .SelectMany(d => Enum.GetValues(d.PropertyType).Cast<Enum>().Skip(1))
            .Where(choice => !reached.Contains(choice))
            .Select(choice => $"{choice.GetType().Name}.{choice}")
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Two_mutants_at_one_decision_are_refused()
    {
        var early = Mutant.Find("CompleteBeforeCopy")!;
        var written = Mutant.Find("CompletionWrittenBeforeCopy")!;
        var e = Assert.Throws<ConflictingMutantsException>(() => Mutant.Rules([early, written]));
        Assert.Equal("mutants CompleteBeforeCopy and CompletionWrittenBeforeCopy both decide CompletionPublication; switch on one of them", e.Message);
    }

    [Fact]
    public void Names_are_matched_exactly()
    {
        Assert.NotNull(Mutant.Find("VmmCopiesTwice"));
        Assert.Null(Mutant.Find("vmmcopiestwice"));
        Assert.Null(Mutant.Find("NoSuchMutant"));
    }
}
