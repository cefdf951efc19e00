using Iopf.Protocol.Configuration;

namespace Iopf.Exhaustive.Tests;

/// <summary>
/// Splitting ring publication into bus events changes how many states a world has, never whether the correct protocol
/// holds: the README's reduction argument for keeping <see cref="Publication.Atomic"/> as the default, checked on the
/// small worlds whose split searches take well under a second. The counts are the measured state spaces (README).
/// </summary>
public class PublicationTests
{
    [Theory]
    [InlineData("SingleFault", Publication.Ordered, 22)]
    [InlineData("SingleFault", Publication.IndexMayPassSlot, 26)]
    [InlineData("EdgeInterruptBurst", Publication.Ordered, 1452)]
    [InlineData("EdgeInterruptBurst", Publication.IndexMayPassSlot, 2264)]
    [InlineData("IopfQueueOverflow", Publication.Ordered, 1697)]
    [InlineData("IopfQueueOverflow", Publication.IndexMayPassSlot, 2743)]
    [InlineData("StrayDmaBeyondGuestMemory", Publication.Ordered, 651)]
    [InlineData("StrayDmaBeyondGuestMemory", Publication.IndexMayPassSlot, 1045)]
    [InlineData("SharedPoolTwoFunctions", Publication.Ordered, 2547)]
    [InlineData("SharedPoolTwoFunctions", Publication.IndexMayPassSlot, 2967)]
    [InlineData("TranslationAnswersPass", Publication.Ordered, 483)]
    [InlineData("TranslationAnswersPass", Publication.IndexMayPassSlot, 610)]
    public void The_correct_protocol_holds_on_a_world_whatever_its_publication(string world, Publication publication, int states)
    {
        var atomic = ExhaustiveExplorer.Explore(TestWorlds.Config(world));
        var split = ExhaustiveExplorer.Explore(TestWorlds.Config(world) with { Publication = publication });

        Assert.Null(atomic.Violation);
        Assert.Null(split.Violation);
        Assert.True(split.Complete);
        Assert.Equal(0, split.CompletionUnreachableStates);
        Assert.Equal(states, split.States);
    }

    /// <summary>The driver's Valid-bit check is what makes an index that passes its slot harmless: without it the same world breaks.</summary>
    [Fact]
    public void Only_the_valid_bit_check_makes_the_index_passing_its_slot_harmless()
    {
        var ordered = ExhaustiveExplorer.Explore(TestWorlds.Config("IndexPassesSlot", "PublishedIndexTrusted") with { Publication = Publication.Ordered });
        var passing = ExhaustiveExplorer.Explore(TestWorlds.Config("IndexPassesSlot", "PublishedIndexTrusted"));

        Assert.Null(ordered.Violation);
        Assert.Equal("RingsDeliverEveryDescriptorInOrder", passing.Violation?.Property);
    }
}
