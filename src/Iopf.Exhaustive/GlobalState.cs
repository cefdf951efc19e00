using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Specs.Properties;

namespace Iopf.Exhaustive;

/// <summary>
/// One node of the state graph: the protocol's world, every party's FIFO inbox, and the property checkers
/// (their history decides future verdicts, so they are part of the state). Never mutated once built:
/// <see cref="Successor"/> clones what the step touches.
/// </summary>
public sealed class GlobalState
{
    private static readonly Envelope[] Empty = [];

    private readonly Envelope[][] inboxes;
    private readonly IProperty[] properties;
    private readonly byte[]?[] canonical;

    private GlobalState(World world, Envelope[][] inboxes, IProperty[] properties, byte[]?[] canonical, PartySlots slots)
    {
        World = world;
        this.inboxes = inboxes;
        this.properties = properties;
        this.canonical = canonical;
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
        var state = new GlobalState(world, Enumerable.Repeat(Empty, slots.Count).ToArray(), properties, new byte[]?[properties.Length], slots);
        return (state.WithSends(start), start);
    }

    /// <summary>How many ways the party at slot can take its next message: a guest's tick picks one of its pages.</summary>
    public int ChoicesAt(int slot) =>
        inboxes[slot].Length == 0 ? 0 : inboxes[slot][0].Message is GuestTick ? World.Config.PagesPerVm : 1;

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
        // with the parent (with its canonical bytes); only the others are cloned.
        var nextProperties = (IProperty[])properties.Clone();
        var nextCanonical = (byte[]?[])canonical.Clone();
        for (var i = 0; i < properties.Length; i++)
        {
            if (Reads(properties[i], step))
            {
                nextProperties[i] = properties[i].Clone();
                nextCanonical[i] = null;
            }
        }

        return (new GlobalState(world, nextInboxes, nextProperties, nextCanonical, Slots).WithSends(step), step);
    }

    /// <summary>Feeds the step's observations to the checkers that read them, in order; the first violation, or null.</summary>
    public (string Property, string Verdict)? Judge(StepResult step)
    {
        foreach (var observation in step.Observations)
        {
            for (var i = 0; i < properties.Length; i++)
            {
                var property = properties[i];
                if (!property.Observes.Contains(observation.GetType()))
                {
                    continue;
                }

                canonical[i] = null;
                if (property.Observe(observation) is { } verdict)
                {
                    return (property.Name, verdict);
                }
            }
        }

        return null;
    }

    /// <summary>The canonical bytes of checker i (<see cref="IProperty.WriteCanonical"/>), computed once per checker state.</summary>
    public byte[] PropertyBytes(int i)
    {
        if (canonical[i] is null)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream))
            {
                properties[i].WriteCanonical(writer);
            }

            canonical[i] = stream.ToArray();
        }

        return canonical[i]!;
    }

    /// <summary>The first property (in reporting order) that still owes something, or null.</summary>
    public (string Property, string Obligation)? FirstObligation() =>
        Properties.Where(p => p.Obligation is not null).Select(p => ((string, string)?)(p.Name, p.Obligation!)).FirstOrDefault();

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
