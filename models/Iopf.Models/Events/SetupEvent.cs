using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Events;

/// <summary>The initial event of every party machine: the world it acts on, who the other parties are, and which instance it is (the guest's VM; 0 for the others).</summary>
public sealed class SetupEvent(World world, Wiring wiring, int index = 0) : Event
{
    public int Index { get; } = index;

    public World World { get; } = world;

    public Wiring Wiring { get; } = wiring;
}
