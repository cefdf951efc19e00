namespace Iopf.Protocol.Memory;

/// <summary>
/// Host physical frames that back guest pages. Fewer frames than guest pages in total: guest memory is
/// overcommitted, so the VMM evicts (swaps out) pages to make room. The device writes frames by DMA and
/// the VMM by CPU copy, so this is shared by both.
/// </summary>
public sealed class HostMemory
{
    private readonly PageContent[] frames;

    public HostMemory(int frameCount)
    {
        frames = new PageContent[frameCount];
        for (var i = 0; i < frameCount; i++)
        {
            frames[i] = new PageContent();
        }
    }

    private HostMemory(PageContent[] frames) => this.frames = frames;

    public int FrameCount => frames.Length;

    public PageContent Frame(int frame) => frames[frame];

    /// <summary>Overwrites the whole frame with a page's saved content (a swap-in writes all 4 KiB).</summary>
    public void Load(int frame, PageContent content) => frames[frame] = content.Clone();

    /// <summary>
    /// Clears a frame before it is handed to a page with nothing to load. Done at hand-over, not at release: a
    /// free frame keeps its last owner's bytes until then, which is what real allocators do and what lets the
    /// model show a missing zero-fill.
    /// </summary>
    public void ZeroFill(int frame) => frames[frame] = new PageContent();

    public HostMemory Clone() => new(frames.Select(f => f.Clone()).ToArray());
}
