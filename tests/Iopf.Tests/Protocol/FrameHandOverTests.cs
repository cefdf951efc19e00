using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Parties;
using Iopf.Protocol.Rules;

namespace Iopf.Tests.Protocol;

/// <summary>
/// The VMM's rule for a reused frame: a released frame keeps its last owner's bytes while it is free, and is
/// zero-filled when it is handed to a page with nothing to load (or loaded with the page's saved content).
/// </summary>
public class FrameHandOverTests
{
    private static readonly GuestPage Vm0Page = new(0, 0);
    private static readonly GuestPage Vm1Page = new(1, 0);

    [Fact]
    public void A_frame_released_by_one_vm_is_zero_filled_before_another_vms_page_gets_it()
    {
        var (vmm, ctx) = Vm1HoldsFrameZero(ProtocolRules.Correct);
        Evict(vmm, ctx, Vm1Page);

        // Released, the frame still holds vm1's bytes: scrubbing happens at hand-over, not at release.
        Assert.Equal("{+0x0:P1}", ctx.Host.Frame(0).ToString());

        var assigned = Resolve(vmm, ctx, Vm0Page);
        Assert.Equal((0, 0, 0UL, "{}"), (assigned.Frame, assigned.Vm, assigned.Page, assigned.Content.ToString()));
        Assert.Equal("{}", ctx.Host.Frame(0).ToString());
    }

    [Fact]
    public void The_mutant_hands_the_frame_over_with_the_previous_owners_bytes()
    {
        var (vmm, ctx) = Vm1HoldsFrameZero(ProtocolRules.Correct.With(ReusedFrameContent.HandOverUnscrubbed));
        Evict(vmm, ctx, Vm1Page);

        var assigned = Resolve(vmm, ctx, Vm0Page);
        Assert.Equal((0, 0, 0UL, "{+0x0:P1}"), (assigned.Frame, assigned.Vm, assigned.Page, assigned.Content.ToString()));
        Assert.Equal("{+0x0:P1}", ctx.Host.Frame(0).ToString());
    }

    [Theory]
    [InlineData(ReusedFrameContent.ZeroFill)]
    [InlineData(ReusedFrameContent.HandOverUnscrubbed)]
    public void A_page_back_from_swap_gets_its_own_saved_content_whatever_the_frame_held(ReusedFrameContent choice)
    {
        var (vmm, ctx) = Vm1HoldsFrameZero(ProtocolRules.Correct.With(choice));
        Evict(vmm, ctx, Vm1Page);

        // Something else lands in the free frame (as a late write would); the swap-in overwrites the whole frame.
        ctx.Host.Frame(0).Write(0x40, 9);
        var assigned = Resolve(vmm, ctx, Vm1Page);
        Assert.Equal((0, 1, 0UL, "{+0x0:P1}"), (assigned.Frame, assigned.Vm, assigned.Page, assigned.Content.ToString()));
    }

    /// <summary>Two VMs of one page each; vm1's page is resident in frame 0 and holds its payload P1, frame 1 is not the VMM's to give.</summary>
    private static (VmmState Vmm, ProtocolContext Ctx) Vm1HoldsFrameZero(ProtocolRules rules)
    {
        var config = new ModelConfig { Vms = 2, PagesPerVm = 1, HostFrames = 2, Rules = rules };
        var ctx = new ProtocolContext(config, new PinnedMemory(config), new HostMemory(2));
        ctx.Host.Frame(0).Write(0, 1);
        var vmm = new VmmState();
        vmm.Pages[Vm0Page] = new PageEntry(null, false);
        vmm.Pages[Vm1Page] = new PageEntry(0, false);
        return (vmm, ctx);
    }

    /// <summary>The guest's memory pressure takes the page, and the IOMMU acknowledges the unmap.</summary>
    private static void Evict(VmmState vmm, ProtocolContext ctx, GuestPage page)
    {
        var unmap = new StepResult();
        Vmm.Handle(vmm, ctx, new MemoryPressure(page.Vm, 0), unmap);
        var token = Assert.IsType<UnmapPage>(Assert.Single(unmap.Sends).Message).Token;
        var released = new StepResult();
        Vmm.Handle(vmm, ctx, new UnmapDone(token), released);
        Assert.Equal(new FrameReleased(0, page.Vm, page.Page), Assert.Single(released.Observations));
    }

    private static FrameAssigned Resolve(VmmState vmm, ProtocolContext ctx, GuestPage page)
    {
        var r = new StepResult();
        Vmm.Handle(vmm, ctx, new ResolveFault(0, page.Vm, page.Page), r);
        return Assert.IsType<FrameAssigned>(Assert.Single(r.Observations));
    }
}
