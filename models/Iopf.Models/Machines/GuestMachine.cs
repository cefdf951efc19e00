using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>A guest VM applying memory pressure; which of its pages to give up is the scheduler's choice.</summary>
public sealed class GuestMachine : PartyMachine
{
    protected override Role Role => Role.Guest;

    /// <summary>
    /// Which of its resident pages the guest gives up: the scheduler's choice. Asked even when there is one
    /// page, so that a schedule records the same choice points whatever the world's size.
    /// </summary>
    protected override int Choice(int choices) => RandomInteger(choices);

    protected override void MoveToCurrentState()
    {
        if (World.Guests[Index].PressureLeft == 0)
        {
            GoTo<Done>();
        }
    }

    [Start]
    [OnEntry(nameof(Setup))]
    [OnEventDoAction(typeof(ProtocolEvent), nameof(Step))]
    private sealed class Pressuring : State
    {
    }

    [OnEventDoAction(typeof(ProtocolEvent), nameof(Step))]
    private sealed class Done : State
    {
    }
}
