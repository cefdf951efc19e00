using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>The device's upstream link: delivers its posted writes and its Invalidate Completions in order.</summary>
public sealed class LinkMachine : PartyMachine
{
    protected override Role Role => Role.Link;

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
