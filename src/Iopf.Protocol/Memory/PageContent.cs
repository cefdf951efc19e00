namespace Iopf.Protocol.Memory;

/// <summary>
/// What one 4 KiB page holds, at payload granularity: offset → id of the payload last written there.
/// Sorted, so it prints and compares the same way on every run.
/// </summary>
public sealed class PageContent
{
    private readonly SortedDictionary<ulong, int> writes = [];

    public IReadOnlyDictionary<ulong, int> Writes => writes;

    public void Write(ulong offset, int payloadId) => writes[offset] = payloadId;

    public int? At(ulong offset) => writes.TryGetValue(offset, out var id) ? id : null;

    public PageContent Clone()
    {
        var copy = new PageContent();
        foreach (var (offset, id) in writes)
        {
            copy.writes[offset] = id;
        }

        return copy;
    }

    public override string ToString() =>
        writes.Count == 0 ? "{}" : "{" + string.Join(",", writes.Select(w => $"+0x{w.Key:x}:P{w.Value}")) + "}";
}
