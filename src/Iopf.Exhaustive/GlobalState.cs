using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Specs.Judging;
using Iopf.Specs.Properties;

namespace Iopf.Exhaustive;

/// <summary>
/// A whole global state as objects: the protocol's world, every party's FIFO inbox, and the property checkers
/// (their history decides future verdicts, so they are part of the state). The search itself works on interned
/// vectors (<see cref="ComponentStore"/>); this form builds the initial state and replays counterexample paths
/// step by step. Never mutated once built: <see cref="Successor"/> clones what the step touches.
/// </summary>
public sealed class GlobalState
{
    private static readonly Envelope[] Empty = [];

    private readonly Envelope[][] inboxes;
    private readonly IProperty[] properties;

    private GlobalState(World world, Envelope[][] inboxes, IProperty[] properties, PartySlots slots)
    {
        World = world;
        this.inboxes = inboxes;
        this.properties = properties;
        Slots = slots;
    }

    public World World { get; }

    /// <summary>Per party slot (<see cref="PartySlots"/>), the messages in flight to it, oldest first.</summary>
    public IReadOnlyList<IReadOnlyList<Envelope>> Inboxes => inboxes;

    public IReadOnlyList<IProperty> Properties => properties;

    public PartySlots Slots { get; }

    /// <summary>No message in flight anywhere: the run is over.</summary>
    public bool IsTerminal => Array.TrueForAll(inboxes, i => i.Length == 0);

    /// <summary>The start state and the step that built it (initial mappings observed, first messages sent).</summary>
    public static (GlobalState State, StepResult Start) Initial(ModelConfig config)
    {
        var (world, start) = World.Create(config);
        var slots = new PartySlots(config.Vms);
        IProperty[] properties = [.. PropertySet.Create()];
        var state = new GlobalState(world, Enumerable.Repeat(Empty, slots.Count).ToArray(), properties, slots);
        return (state.WithSends(start), start);
    }

    /// <summary>How many ways the party at slot can take its next message: a guest's tick picks one of its pages.</summary>
    public int ChoicesAt(int slot) =>
        inboxes[slot].Length == 0 ? 0 : World.ChoicesFor(World.Config, inboxes[slot][0].Message);

    /// <summary>
    /// The party at slot dequeues its oldest message and takes its step with the given choice. Exceptions of
    /// the step function propagate (the explorer reports them as protocol errors). The successor's checkers
    /// have not seen the step yet: call <see cref="Judge"/> on it once, before anything reads them.
    /// </summary>
    public (GlobalState Next, StepResult Step) Successor(int slot, int choice)
    {
        var envelope = inboxes[slot][0];
        var world = World.Clone();
        var step = world.Deliver(envelope, choice);
        var nextInboxes = (Envelope[][])inboxes.Clone();
        nextInboxes[slot] = inboxes[slot][1..];

        // Copy on write: a checker that reads none of the step's observations stays as it is, so it is shared
        // with the parent; only the others are cloned.
        var nextProperties = (IProperty[])properties.Clone();
        for (var i = 0; i < properties.Length; i++)
        {
            if (Reads(properties[i], step))
            {
                nextProperties[i] = properties[i].Clone();
            }
        }

        return (new GlobalState(world, nextInboxes, nextProperties, Slots).WithSends(step), step);
    }

    /// <summary>Judges the step's observations with this state's checkers: the first violation, or null.</summary>
    public Verdict? Judge(StepResult step) => new Judge(properties).Observe(step.Observations);

    /// <summary>The first property (in reporting order) that still owes something, or null.</summary>
    public Verdict? FirstObligation() => new Judge(properties).FirstObligation();

    private static bool Reads(IProperty property, StepResult step)
    {
        foreach (var observation in step.Observations)
        {
            if (property.Observes.Contains(observation.GetType()))
            {
                return true;
            }
        }

        return false;
    }

    // Appends the step's sends to their recipients' inboxes, in send order. Only called on a state still being
    // built, whose inbox array is its own; the inboxes themselves are shared with the parent, so copied on write.
    private GlobalState WithSends(StepResult step)
    {
        foreach (var envelope in step.Sends)
        {
            var slot = Slots.SlotOf(envelope);
            inboxes[slot] = [.. inboxes[slot], envelope];
        }

        return this;
    }
}
