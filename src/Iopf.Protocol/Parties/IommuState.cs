using Iopf.Protocol.Messages;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The IOMMU's second-level translation table, (function, guest page) → host frame, and the translation
/// completions it has computed but not yet sent (only when they may pass each other), in the order computed.
/// </summary>
public sealed class IommuState
{
    public SortedDictionary<(int Function, ulong Page), int> Table { get; init; } = [];

    public List<TranslationResponse> InFlight { get; init; } = [];

    public IommuState Clone() => new() { Table = new(Table), InFlight = [.. InFlight] };
}
