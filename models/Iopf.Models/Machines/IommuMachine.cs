using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>The IOMMU: ATS translation, mappings, and device TLB invalidation on unmap.</summary>
public sealed class IommuMachine : PartyMachine
{
    protected override Role Role => Role.Iommu;

    protected override void MoveToCurrentState()
    {
    }

    [Start]
    [OnEntry(nameof(Setup))]
    [OnEventDoAction(typeof(ProtocolEvent), nameof(Step))]
    private sealed class Serving : State
    {
    }
}
