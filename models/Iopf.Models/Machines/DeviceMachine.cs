using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>The device (an SR-IOV / S-IOV device serving every VM's function): DMA, ATC, fault buffers.</summary>
public sealed class DeviceMachine : PartyMachine
{
    protected override Role Role => Role.Device;

    protected override void MoveToCurrentState()
    {
        if (World.Device.Stalled.Count > 0)
        {
            GoTo<Stalled>();
        }
        else
        {
            GoTo<Running>();
        }
    }

    [Start]
    [OnEntry(nameof(Setup))]
    [OnEventDoAction(typeof(ProtocolEvent), nameof(Step))]
    private sealed class Running : State
    {
    }

    /// <summary>Back-pressure: at least one payload waits for a free fault buffer or a ring slot.</summary>
    [OnEventDoAction(typeof(ProtocolEvent), nameof(Step))]
    private sealed class Stalled : State
    {
    }
}
