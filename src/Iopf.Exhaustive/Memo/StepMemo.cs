using Iopf.Protocol.Coverage;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Specs.Properties;

namespace Iopf.Exhaustive;

/// <summary>
/// Protocol steps by what they can depend on. A step is a function of the party's state, the message, the
/// guest's choice and the shared memories it reaches, so its outcome is run once through the core's own step
/// function and then reused by every interleaving that reaches the same inputs. Most transitions of a search
/// only differ in what the other parties did, so most steps are reused.
/// </summary>
/// <remarks>
/// Which shared memories are part of a slot's key is learnt: a slot starts keyed on its party state alone, and a
/// step that reaches a memory adds that memory to the slot's key from then on. Sound, because an outcome is only
/// stored under a key that includes every memory its step reached, and a step that never reached a memory
/// followed the same path whatever that memory held.
/// </remarks>
internal sealed class StepMemo(ComponentStore store, IReadOnlyList<IProperty> properties)
{
    private readonly Dictionary<Key, StepOutcome> outcomes = [];
    private readonly SharedMemory[] keyedOn = new SharedMemory[store.Layout.Slots];

    /// <summary>What the executed steps reached: every transition reuses one of them, so this is the search's coverage.</summary>
    public CoverageTally Coverage { get; } = new();

    /// <summary>Steps actually executed by the protocol core (the rest were reused).</summary>
    public int Executed => outcomes.Count;

    public StepOutcome Get(ReadOnlySpan<int> state, int slot, int message, int choice)
    {
        var layout = store.Layout;
        var key = KeyFor(state, slot, message, choice, keyedOn[slot]);
        if (outcomes.TryGetValue(key, out var known))
        {
            return known;
        }

        var (outcome, reached) = Run(state[StateLayout.Party(slot)], state[layout.Pinned], state[layout.Host], slot, message, choice);
        if ((reached & ~keyedOn[slot]) != 0)
        {
            keyedOn[slot] |= reached;
            key = KeyFor(state, slot, message, choice, keyedOn[slot]);
        }

        outcomes[key] = outcome;
        return outcome;
    }

    private Key KeyFor(ReadOnlySpan<int> state, int slot, int message, int choice, SharedMemory memories) => new(
        slot,
        state[StateLayout.Party(slot)],
        message,
        choice,
        memories.HasFlag(SharedMemory.Pinned) ? state[store.Layout.Pinned] : -1,
        memories.HasFlag(SharedMemory.Host) ? state[store.Layout.Host] : -1);

    private (StepOutcome Outcome, SharedMemory Reached) Run(int party, int pinned, int host, int slot, int message, int choice)
    {
        var copy = store.CopyOfParty(slot, party);
        var context = ProtocolContext.CopyOnFirstUse(store.Config, store.Pinned(pinned), store.Host(host));
        var (role, index) = PartySlots.PartyAt(slot);
        var envelope = new Envelope(role, index, store.Message(message));
        StepResult step;
        try
        {
            step = World.Step(envelope, copy, context, choice);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var failed = new StepOutcome
            {
                Id = outcomes.Count,
                Party = party,
                Pinned = -1,
                Host = -1,
                Sends = [],
                Observations = [],
                Readers = 0,
                Error = $"{ex.GetType().Name}: {ex.Message}",
            };
            return (failed, context.Reached);
        }

        Coverage.Add(envelope.Message, step.Observations, step.Decisions);
        var reached = context.Reached;
        var readers = 0u;
        for (var i = 0; i < properties.Count; i++)
        {
            if (step.Observations.Any(o => properties[i].Observes.Contains(o.GetType())))
            {
                readers |= 1u << i;
            }
        }

        var outcome = new StepOutcome
        {
            Id = outcomes.Count,
            Party = store.InternParty(slot, copy),
            Pinned = reached.HasFlag(SharedMemory.Pinned) ? store.InternPinned(context.Pinned) : -1,
            Host = reached.HasFlag(SharedMemory.Host) ? store.InternHost(context.Host) : -1,
            Sends = [.. step.Sends.Select(e => (store.Slots.SlotOf(e), store.InternMessage(e.Message)))],
            Observations = step.Observations,
            Readers = readers,
        };
        return (outcome, reached);
    }

    private readonly record struct Key(int Slot, int Party, int Message, int Choice, int Pinned, int Host);
}
