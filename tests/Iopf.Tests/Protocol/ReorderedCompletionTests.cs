using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Worlds;

namespace Iopf.Tests.Protocol;

/// <summary>
/// Translation completions that may pass each other, and be passed by an ATC invalidation (PCIe ordering):
/// the IOMMU holds its answers in flight and the step's choice picks which leaves next; the device acts on an
/// answer only in its DMA stream's order and never on one that an invalidation of its page overtook.
/// </summary>
public class ReorderedCompletionTests
{
    private static World Fresh(string name) => World.Create(WorldCatalog.Find(name)!.Config).World;

    [Fact]
    public void The_iommu_holds_its_answers_in_flight_and_the_choice_picks_which_leaves()
    {
        var world = Fresh("TranslationAnswersPass");
        Assert.Equal(TranslationCompletionOrder.MayPass, world.Config.TranslationCompletions);
        var first = world.Deliver(new Envelope(Role.Iommu, 0, new TranslationRequest(0, 0, 0)));
        world.Deliver(new Envelope(Role.Iommu, 0, new TranslationRequest(0, 1, 1)));
        Assert.Equal([new Envelope(Role.Iommu, 0, new ReleaseTranslation())], first.Sends);
        Assert.Equal([new TranslationResponse(0, 0, 0, 0), new TranslationResponse(0, 1, 1, null)], world.Iommu.InFlight);

        var released = world.Deliver(new Envelope(Role.Iommu, 0, new ReleaseTranslation()), choice: 1);
        Assert.Equal([new Envelope(Role.Device, 0, new TranslationResponse(0, 1, 1, null))], released.Sends);
        Assert.Equal([new TranslationResponse(0, 0, 0, 0)], world.Iommu.InFlight);
        Assert.Equal(world.Config.Payloads.Length + world.Config.FaultBuffers.BufferCount, World.ChoicesFor(world.Config, new ReleaseTranslation()));
    }

    [Fact]
    public void In_order_the_iommu_answers_at_once()
    {
        var world = Fresh("SingleFault");
        var step = world.Deliver(new Envelope(Role.Iommu, 0, new TranslationRequest(0, 0, 0)));
        Assert.Equal([new Envelope(Role.Device, 0, new TranslationResponse(0, 0, 0, null))], step.Sends);
        Assert.Empty(world.Iommu.InFlight);
    }

    [Fact]
    public void An_answer_that_overtakes_an_older_dmas_is_not_acted_on_but_asked_again()
    {
        var world = Fresh("TranslationAnswersPass");
        var p0 = world.Config.Payloads[0];
        var p1 = world.Config.Payloads[1];
        world.Device.AwaitingTranslation[p0.Id] = p0;
        world.Device.AwaitingTranslation[p1.Id] = p1;

        var step = world.Deliver(new Envelope(Role.Device, 0, new TranslationResponse(0, 0, p1.Id, 0)));

        Assert.Equal([new Envelope(Role.Iommu, 0, new TranslationRequest(0, 0, p1.Id))], step.Sends);
        Assert.Equal([p0.Id, p1.Id], world.Device.AwaitingTranslation.Keys);
        Assert.Empty(world.Device.Atc);
    }

    [Fact]
    public void An_answer_overtaken_by_an_invalidation_of_its_page_is_discarded_and_asked_again()
    {
        var world = Fresh("InvalidationPassesTranslation");
        var p0 = world.Config.Payloads[0];
        world.Device.AwaitingTranslation[p0.Id] = p0;
        world.Deliver(new Envelope(Role.Device, 0, new AtcInvalidate(0, 0, 5)));
        Assert.Equal([p0.Id], world.Device.Overtaken);

        var step = world.Deliver(new Envelope(Role.Device, 0, new TranslationResponse(0, 0, p0.Id, 0)));

        Assert.Equal([new Envelope(Role.Iommu, 0, new TranslationRequest(0, 0, p0.Id))], step.Sends);
        Assert.Empty(world.Device.Overtaken);
        Assert.Empty(world.Device.Atc);
    }

    [Fact]
    public void An_atc_refresh_asked_before_an_invalidation_is_dropped_and_one_asked_after_is_installed()
    {
        var world = Fresh("InvalidationPassesTranslation");
        world.Device.RefreshesInFlight[(0, 0)] = 2;
        world.Deliver(new Envelope(Role.Device, 0, new AtcInvalidate(0, 0, 5)));
        world.Device.RefreshesInFlight[(0, 0)] = 3; // a third refresh asked after the invalidation

        world.Deliver(new Envelope(Role.Device, 0, new TranslationResponse(0, 0, -1, 1)));
        world.Deliver(new Envelope(Role.Device, 0, new TranslationResponse(0, 0, -1, 1)));
        Assert.Empty(world.Device.Atc);
        Assert.Empty(world.Device.StaleRefreshes);

        world.Deliver(new Envelope(Role.Device, 0, new TranslationResponse(0, 0, -1, 1)));
        Assert.Equal(1, world.Device.Atc[(0, 0)]);
        Assert.Empty(world.Device.RefreshesInFlight);
    }
}
