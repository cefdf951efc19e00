namespace Iopf.Protocol.Parties;

/// <summary>The IOMMU's second-level translation table: (function, guest page) → host frame.</summary>
public sealed class IommuState
{
    public SortedDictionary<(int Function, ulong Page), int> Table { get; init; } = [];

    public IommuState Clone() => new() { Table = new(Table) };
}
