using Iopf.Protocol.Descriptors;

namespace Iopf.Invariants;

/// <summary>
/// Deliberately wrong copies of the real layouts, each a mistake easy to make when editing a declaration.
/// They exist so the suite can show that Z3 catches the mistake and names concrete values.
/// </summary>
public static class BrokenLayouts
{
    /// <summary>The Fault layout with Sequence moved down to bit 28, so its low 4 bits overlap Pasid's top 4.</summary>
    public static readonly DescriptorLayout FaultSequenceOverlapsPasid = new(
        "FaultDescriptorSequenceOverlapsPasid",
        128,
        Layouts.Fault.Fields.Select(f => f.Name == "Sequence" ? f with { Offset = 28 } : f).ToArray());

    /// <summary>The Completion layout with PageFrame moved to bit 100, so its top 12 bits fall off the 128-bit word.</summary>
    public static readonly DescriptorLayout CompletionPageFrameBeyondWord = new(
        "CompletionDescriptorPageFrameBeyondWord",
        128,
        Layouts.Completion.Fields.Select(f => f.Name == "PageFrame" ? f with { Offset = 100 } : f).ToArray());

    public static IReadOnlyList<DescriptorLayout> All { get; } = [FaultSequenceOverlapsPasid, CompletionPageFrameBeyondWord];
}
