using Iopf.Protocol.Memory;
using Iopf.Protocol.Observations;
using Iopf.Specs.Judging;
using Iopf.Specs.Properties;

namespace Iopf.Tests.Specs;

public class JudgeTests
{
    private static readonly Payload P0 = new(0, 0, 0x0, 64);

    private static GuestWrite Copy() => new(0, 0, 1, 0, 64, WritePath.Copy);

    // Host frame 1 backs vm0's page 0, so the copies above land where VmIsolation expects them.
    private static FrameAssigned Mapped() => new(1, 0, 0, new PageContent());

    [Fact]
    public void The_earliest_observation_wins_over_reporting_order()
    {
        // NoDoubleCopy comes before NoPayloadLost in reporting order, but NoPayloadLost objects one observation earlier.
        var verdict = Judge.OfEveryProperty().Observe([Mapped(), new PayloadAccepted(P0), new PayloadRejected(P0, "drop design"), Copy(), Copy()]);
        Assert.NotNull(verdict);
        Assert.Equal(new NoPayloadLostProperty().Name, verdict.Property);
        Assert.Contains("rejected explicitly: drop design", verdict.Sentence);
    }

    [Fact]
    public void A_step_that_breaks_one_property_is_reported_under_its_name()
    {
        var verdict = Judge.OfEveryProperty().Observe([Mapped(), Copy(), Copy()]);
        Assert.NotNull(verdict);
        Assert.Equal(new NoDoubleCopyProperty().Name, verdict.Property);
        Assert.Contains("twice", verdict.Sentence);
    }

    [Fact]
    public void Among_violations_at_one_observation_the_earlier_property_wins()
    {
        var first = new FirstViolation();
        first.Offer(1, 2, "second property, third observation");
        first.Offer(3, 2, "fourth property, same observation");
        Assert.Equal((1, "second property, third observation"), (first.Property, first.Sentence));
        first.Offer(4, 0, "fifth property, first observation");
        Assert.Equal((4, "fifth property, first observation"), (first.Property, first.Sentence));
    }

    [Fact]
    public void A_clean_step_has_no_verdict_and_the_owed_obligation_is_named()
    {
        var judge = Judge.OfEveryProperty();
        Assert.Null(judge.Observe(Mapped()));
        Assert.Null(judge.FirstObligation());
        Assert.Null(judge.Observe(new PayloadAccepted(P0)));
        var owed = judge.FirstObligation();
        Assert.NotNull(owed);
        Assert.Equal(new NoPayloadLostProperty().Name, owed.Property);
        Assert.Contains("P0", owed.Sentence);
        Assert.Null(judge.Observe(Copy()));
        Assert.Null(judge.FirstObligation());
    }

    [Fact]
    public void A_breach_gives_the_position_of_the_rejected_observation()
    {
        Assert.Equal(2, Judge.Breach(new NoDoubleCopyProperty(), [new PayloadAccepted(P0), Copy(), Copy()])?.At);
        Assert.Null(Judge.Breach(new NoDoubleCopyProperty(), [new PayloadAccepted(P0), Copy()]));
    }
}
