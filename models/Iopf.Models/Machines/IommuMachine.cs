using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>The IOMMU: ATS translation, mappings, and device TLB invalidation on unmap.</summary>
public sealed class IommuMachine : PartyMachine
{
    protected override StepResult Take(Message message)
    {
        var r = new StepResult();
        Iommu.Handle(World.Iommu, World.Context, message, r);
        return r;
    }

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
