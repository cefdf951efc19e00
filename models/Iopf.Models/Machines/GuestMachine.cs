using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>A guest VM applying memory pressure; which of its pages to give up is the scheduler's choice.</summary>
public sealed class GuestMachine : PartyMachine
{
    protected override Role Role => Role.Guest;

    /// <summary>Which of its resident pages the guest gives up: the scheduler's choice.</summary>
    protected override int Choice() => RandomInteger(Math.Max(1, World.Config.PagesPerVm));

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
