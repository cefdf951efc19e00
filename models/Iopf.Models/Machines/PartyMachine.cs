using Iopf.Protocol.Coverage;
using Iopf.Models.Events;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Specs.Monitors;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Machines;

/// <summary>
/// What every party machine shares: it keeps a reference to the world, hands each message to its party's
/// step function, then sends what the step returned and shows its observations to every monitor.
/// Protocol logic never lives here: only routing. Each handled event is one scheduling step.
/// </summary>
public abstract class PartyMachine : StateMachine
{
    private World? world;
    private Wiring? wiring;
    private CoverageTally? coverage;

    /// <summary>Which instance of its role this machine is (the guest's VM index; 0 for the singletons).</summary>
    protected int Index { get; private set; }

    protected World World => world ?? throw new InvalidOperationException($"{GetType().Name} used before setup");

    protected void Setup(Event e)
    {
        // The start state is entered again on a goto back to it: only the initial event carries the setup.
        if (e is not SetupEvent setup)
        {
            return;
        }

        world = setup.World;
        wiring = setup.Wiring;
        coverage = setup.Coverage;
        Index = setup.Index;
    }

    /// <summary>Runs the party's step for the message in e, routes its output, and moves to the state the party is now in.</summary>
    protected void Step(Event e)
    {
        var message = ((ProtocolEvent)e).Message;

        // Readable lines in Coyote's own bug log (`dotnet coyote test` writes it beside the schedule).
        Logger.WriteLine($"<Iopf> {Id.Name} takes {message}");
        var result = Take(message);
        coverage?.Add(message, result.Observations, result.Decisions);
        foreach (var observation in result.Observations)
        {
            Logger.WriteLine($"<Iopf>   observed {observation}");
        }


        Route(result);
        MoveToCurrentState();
    }

    /// <summary>The role this machine plays; its steps are the world's steps for that role.</summary>
    protected abstract Role Role { get; }

    /// <summary>The party's step for one message, through the world's one dispatcher (the explorers use the same).</summary>
    private StepResult Take(Message message) => World.Deliver(new Envelope(Role, Index, message), Choice(World.ChoicesFor(World.Config, message)));

    /// <summary>The nondeterministic input of a step (one of choices, the core's count), chosen by the scheduler where a party has one (the guests).</summary>
    protected virtual int Choice(int choices) => 0;

    /// <summary>Moves to the machine state that shows the party's state (e.g. Stalled while payloads are held back).</summary>
    protected abstract void MoveToCurrentState();

    protected void Route(StepResult result)
    {
        foreach (var observation in result.Observations)
        {
            var evt = new ObservationEvent(observation);
            foreach (var monitor in MonitorSet.Interested(observation))
            {
                Monitor(monitor, evt);
            }
        }

        foreach (var envelope in result.Sends)
        {
            SendEvent(wiring!.Of(envelope), new ProtocolEvent(envelope.Message));
        }
    }

    protected void GoTo<TState>()
        where TState : State
    {
        if (CurrentState != typeof(TState))
        {
            RaiseGotoStateEvent<TState>();
        }
    }
}
