using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The VMM's steps (claims 5-6): resolve a fault by making the guest page present (evicting another page
/// when every frame is in use, always unmapping and invalidating before reusing a frame), and copy the
/// payload from the fault buffer into the page on the driver's call.
/// </summary>
public static partial class Vmm
{
    public static void Handle(VmmState s, ProtocolContext ctx, Message message, StepResult r)
    {
        switch (message)
        {
            case TearDownVm or DmaStopped or FaultsDrained or FunctionReset or FunctionDetached:
                OnTeardown(s, ctx, message, r);
                break;
            case ResolveFault or MemoryPressure:
                if (s.Current is null)
                {
                    Start(s, ctx, message, r);
                }
                else
                {
                    s.Waiting.Enqueue(message);
                }

                break;
            case CopyPayload copy:
                Copy(s, ctx, copy, r);
                break;
            case UnmapDone:
                OnUnmapped(s, ctx, r);
                break;
            case MapDone:
                OnMapped(s, ctx, r);
                break;
            default:
                throw new UnexpectedMessageException(nameof(Vmm), message);
        }
    }

    private static void Start(VmmState s, ProtocolContext ctx, Message request, StepResult r)
    {
        switch (request)
        {
            case ResolveFault resolve:
                StartResolve(s, ctx, resolve, r);
                break;
            case MemoryPressure pressure:
                var candidates = Evictable(s, ctx, p => p.Vm == pressure.Vm);
                if (candidates.Count == 0)
                {
                    Finish(s, ctx, r);
                    return;
                }

                var victim = candidates[pressure.Choice % candidates.Count];
                s.Current = new EvictingOp(victim);
                Unmap(s, victim, r);
                break;
        }
    }

    private static void StartResolve(VmmState s, ProtocolContext ctx, ResolveFault resolve, StepResult r)
    {
        var page = new GuestPage(resolve.Vm, resolve.Page);
        if (!s.Pages.TryGetValue(page, out var entry))
        {
            // Beyond the VM's memory: no frame may back it (it would be memory the VM does not own).
            r.Send(Role.Driver, new PageUnavailable(resolve.Sequence));
            Finish(s, ctx, r);
            return;
        }

        if (entry.Frame is { } resident && ctx.Rules.ResidentPageFault == ResidentPageFault.ReuseFrame)
        {
            s.Current = new ResolvingOp(resolve.Sequence, page, null, resident);
            Ready(s, ctx, r);
            return;
        }

        s.Current = new ResolvingOp(resolve.Sequence, page, null, null);
        if (s.FreeFrames.Count > 0)
        {
            SwapIn(s, ctx, r);
            return;
        }

        // Overcommit: every frame is in use, so another page goes first (never a pinned one, never this one).
        var candidates = Evictable(s, ctx, p => p != page);
        if (candidates.Count == 0)
        {
            throw new ProtocolStateException($"vmm: no evictable page to make room for {page}");
        }

        var victim = candidates[s.ClockHand++ % candidates.Count];
        s.Current = new ResolvingOp(resolve.Sequence, page, victim, null);
        Unmap(s, victim, r);
    }

    private static List<GuestPage> Evictable(VmmState s, ProtocolContext ctx, Func<GuestPage, bool> filter) =>
        s.Pages.Where(kv => kv.Value.Frame is not null && (!kv.Value.Pinned || ctx.Rules.ResolvedPagePinning == ResolvedPagePinning.Unpinned) && filter(kv.Key))
            .Select(kv => kv.Key)
            .ToList();

    private static void Unmap(VmmState s, GuestPage victim, StepResult r) =>
        r.Send(Role.Iommu, new UnmapPage(victim.Vm, victim.Page, s.NextToken++));

    /// <summary>The IOMMU and every device TLB have forgotten the victim: only now may its frame be reused.</summary>
    private static void OnUnmapped(VmmState s, ProtocolContext ctx, StepResult r)
    {
        switch (s.Current)
        {
            case EvictingOp evicting:
                SwapOut(s, ctx, evicting.Victim, r);
                Finish(s, ctx, r);
                break;
            case ResolvingOp { Victim: { } victim } resolving:
                SwapOut(s, ctx, victim, r);
                s.Current = resolving with { Victim = null };
                SwapIn(s, ctx, r);
                break;
            default:
                throw new ProtocolStateException("vmm: unmap acknowledged while no eviction is in progress");
        }
    }

    private static void SwapOut(VmmState s, ProtocolContext ctx, GuestPage victim, StepResult r)
    {
        var entry = s.Pages[victim];
        var frame = entry.Frame ?? throw new ProtocolStateException($"vmm: evicting {victim}, which is not resident");
        s.Swap[victim] = ctx.Rules.EvictedContent == EvictedContent.SwapOut ? ctx.Host.Frame(frame).Clone() : new PageContent();

        // The frame keeps the victim's bytes while it is free: it is cleared when it is handed over (SwapIn).
        s.Pages[victim] = entry with { Frame = null };
        s.FreeFrames.Add(frame);
        r.Observe(new FrameReleased(frame, victim.Vm, victim.Page));
    }

    private static void SwapIn(VmmState s, ProtocolContext ctx, StepResult r)
    {
        var op = (ResolvingOp)s.Current!;
        var frame = s.FreeFrames.Min;
        s.FreeFrames.Remove(frame);
        PrepareFrame(s, ctx, frame, op.Page);
        s.Pages[op.Page] = s.Pages[op.Page] with { Frame = frame };
        s.Current = op with { Frame = frame };
        r.Observe(new FrameAssigned(frame, op.Page.Vm, op.Page.Page, ctx.Host.Frame(frame).Clone()));
        r.Send(Role.Iommu, new MapPage(op.Page.Vm, op.Page.Page, frame, s.NextToken++));
    }

    /// <summary>
    /// What the frame holds when the page gets it: the page's saved content when it comes back from swap (which
    /// overwrites the whole frame), otherwise zeros, so no byte of the frame's previous owner reaches the page.
    /// </summary>
    private static void PrepareFrame(VmmState s, ProtocolContext ctx, int frame, GuestPage page)
    {
        if (s.Swap.Remove(page, out var saved))
        {
            ctx.Host.Load(frame, saved);
            return;
        }

        if (ctx.Rules.ReusedFrameContent == ReusedFrameContent.ZeroFill)
        {
            ctx.Host.ZeroFill(frame);
        }
    }

    private static void OnMapped(VmmState s, ProtocolContext ctx, StepResult r)
    {
        if (s.Current is not ResolvingOp { Frame: not null })
        {
            throw new ProtocolStateException("vmm: map acknowledged while no resolution is in progress");
        }

        Ready(s, ctx, r);
    }

    /// <summary>The page is present and mapped: pin it until its copy, and tell the driver.</summary>
    private static void Ready(VmmState s, ProtocolContext ctx, StepResult r)
    {
        var op = (ResolvingOp)s.Current!;
        var frame = op.Frame!.Value;
        if (ctx.Rules.ResolvedPagePinning == ResolvedPagePinning.PinUntilCopy)
        {
            s.Pages[op.Page] = s.Pages[op.Page] with { Pinned = true };
        }

        s.ReadyFrames[op.Sequence] = frame;
        r.Send(Role.Driver, new PageReady(op.Sequence, frame));
        Finish(s, ctx, r);
    }

    private static void Finish(VmmState s, ProtocolContext ctx, StepResult r)
    {
        s.Current = null;
        if (s.Waiting.Count > 0)
        {
            Start(s, ctx, s.Waiting.Dequeue(), r);
        }
    }

    /// <summary>Claim 6: copy the payload from the fault buffer to the guest page named by the descriptor.</summary>
    private static void Copy(VmmState s, ProtocolContext ctx, CopyPayload copy, StepResult r)
    {
        if (!s.ReadyFrames.Remove(copy.Sequence, out var frame))
        {
            throw new ProtocolStateException($"vmm: copy for fault {copy.Sequence}, which was never resolved");
        }

        // Buffer -1: a page request of a design without fault buffers; the device retries the DMA itself.
        var payload = copy.Buffer >= 0 ? ctx.Pinned.Buffers.Read(copy.Buffer) : null;
        var times = ctx.Rules.PayloadCopies == PayloadCopies.Once ? 1 : 2;
        for (var i = 0; i < times && payload is not null; i++)
        {
            GuestWrites.Land(ctx, copy.Vm, copy.Gpa, frame, payload.Id, payload.Length, WritePath.Copy, r);
            s.Copies++;
        }

        if (copy.Buffer >= 0)
        {
            r.Observe(new FaultBufferCopied(copy.Buffer, payload?.Id));
        }

        var page = new GuestPage(copy.Vm, copy.Gpa / ModelConfig.PageSize);
        if (s.Pages.TryGetValue(page, out var entry))
        {
            s.Pages[page] = entry with { Pinned = false };
        }

        r.Send(Role.Driver, new CopyDone(copy.Sequence));
    }
}
