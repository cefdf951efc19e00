using Iopf.Protocol.Coverage;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Events;

/// <summary>
/// The initial event of every party machine: the world it acts on, who the other parties are, which instance it is
/// (the guest's VM; 0 for the others), and the coverage tally its steps feed (null: none is kept).
/// </summary>
public sealed class SetupEvent(World world, Wiring wiring, int index = 0, CoverageTally? coverage = null) : Event
{
    public CoverageTally? Coverage { get; } = coverage;

    public int Index { get; } = index;

    public World World { get; } = world;

    public Wiring Wiring { get; } = wiring;
}
