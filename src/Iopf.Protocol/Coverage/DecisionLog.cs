using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Coverage;

/// <summary>
/// Which decision points of <see cref="ProtocolRules"/> a step consulted: every decision getter reports itself here,
/// so a decision is covered where the core really reads it, with no branch written a second time for coverage. A
/// step records into the log of the thread running it (<see cref="Parties.World.Step"/> opens one per step); reads
/// outside a step (setup, tests) are not recorded.
/// </summary>
public static class DecisionLog
{
    [ThreadStatic]
    private static ulong? current;

    /// <summary>The decision enums in <see cref="ProtocolRules"/>' declaration order: bit i of a mask is decision i.</summary>
    public static IReadOnlyList<Type> Decisions { get; } =
        [.. typeof(ProtocolRules).GetProperties().Where(p => p.PropertyType.IsEnum).OrderBy(p => p.MetadataToken).Select(p => p.PropertyType)];

    /// <summary>A decision getter's value, noted as consulted when a step is recording.</summary>
    public static T Consulted<T>(T value)
        where T : struct, Enum
    {
        if (current is { } mask)
        {
            current = mask | Bit<T>.Mask;
        }

        return value;
    }

    /// <summary>Starts recording on this thread (steps do not nest).</summary>
    public static void Begin() => current = 0;

    /// <summary>Stops recording and returns the decisions consulted since <see cref="Begin"/>, bit i for decision i.</summary>
    public static ulong End()
    {
        var mask = current ?? 0;
        current = null;
        return mask;
    }

    private static class Bit<T>
    {
        public static readonly ulong Mask = 1UL << IndexOf(typeof(T));

        private static int IndexOf(Type decision)
        {
            var index = Decisions.ToList().IndexOf(decision);
            return index is >= 0 and < 64 ? index : throw new InvalidOperationException($"{decision.Name} is not one of the first 64 decisions of ProtocolRules");
        }
    }
}
