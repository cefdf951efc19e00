using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>A guest VM applying memory pressure; which of its pages to give up is the scheduler's choice.</summary>
public sealed class GuestMachine : PartyMachine
{
    protected override StepResult Take(Message message)
    {
        if (message is not GuestTick)
        {
            throw new UnexpectedMessageException(nameof(Guest), message);
        }

        var r = new StepResult();
        var choice = RandomInteger(Math.Max(1, World.Config.PagesPerVm));
        Guest.Tick(World.Guests[Index], choice, r);
        return r;
    }

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
