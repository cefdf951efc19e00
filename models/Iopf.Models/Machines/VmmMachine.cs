using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>The VMM: guest memory with overcommit, fault resolution, eviction, the copy out of fault buffers.</summary>
public sealed class VmmMachine : PartyMachine
{
    protected override Role Role => Role.Vmm;

    protected override void MoveToCurrentState()
    {
        if (World.Vmm.Current is null)
        {
            GoTo<Ready>();
        }
        else
        {
            GoTo<Busy>();
        }
    }

    [Start]
    [OnEntry(nameof(Setup))]
    [OnEventDoAction(typeof(ProtocolEvent), nameof(Step))]
    private sealed class Ready : State
    {
    }

    /// <summary>A resolution or eviction waits for the IOMMU (map, or unmap with invalidation).</summary>
    [OnEventDoAction(typeof(ProtocolEvent), nameof(Step))]
    private sealed class Busy : State
    {
    }
}
