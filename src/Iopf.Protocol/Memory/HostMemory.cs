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

    public void Load(int frame, PageContent content) => frames[frame] = content.Clone();

    /// <summary>Scrubs a frame when it is released, so stale data never leaks to the next owner.</summary>
    public void Scrub(int frame) => frames[frame] = new PageContent();

    public HostMemory Clone() => new(frames.Select(f => f.Clone()).ToArray());
}
