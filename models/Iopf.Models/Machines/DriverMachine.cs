using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>The driver: consumes the IO page fault queue, drives resolution and copy, completes, notifies.</summary>
public sealed class DriverMachine : PartyMachine
{
    protected override Role Role => Role.Driver;

    protected override void MoveToCurrentState()
    {
        if (World.Driver.Current is null)
        {
            GoTo<Idle>();
        }
        else
        {
            GoTo<Serving>();
        }
    }

    [Start]
    [OnEntry(nameof(Setup))]
    [OnEventDoAction(typeof(ProtocolEvent), nameof(Step))]
    private sealed class Idle : State
    {
    }

    /// <summary>A fault is taken from the queue and not yet completed.</summary>
    [OnEventDoAction(typeof(ProtocolEvent), nameof(Step))]
    private sealed class Serving : State
    {
    }
}
