using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>The IOMMU: ATS translation, mappings, and device TLB invalidation on unmap.</summary>
public sealed class IommuMachine : PartyMachine
{
    protected override Role Role => Role.Iommu;

    /// <summary>
    /// Which translation completion in flight leaves next: the scheduler's choice. Only asked where there is a
    /// choice (completions that may pass each other), so in-order worlds record the schedules they always did.
    /// </summary>
    protected override int Choice(int choices) => choices > 1 ? RandomInteger(choices) : 0;

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
