namespace Iopf.Protocol.Designs;

/// <summary>
/// Every design a world may name, in the order reports list them: the claimed design first, then the prior
/// art. Adding a design is its file plus one line here.
/// </summary>
public static class DesignRegistry
{
    public static IReadOnlyList<FaultPathDesign> All { get; } =
    [
        ClaimedDesign.Instance,
        DropOnFaultDesign.Instance,
        SkipToNextBufferDesign.Instance,
        StallAndRetryDesign.Instance,
        CompletionInterruptDesign.Instance,
    ];

    public static IEnumerable<string> Names => All.Select(d => d.Name);

    /// <summary>The design of that exact name (case-sensitive, as world files spell it), or null.</summary>
    public static FaultPathDesign? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}
