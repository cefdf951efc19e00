using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Specs.Properties;

namespace Iopf.Exhaustive;

/// <summary>
/// Every distinct component the search has met, by id: party states (per slot), pinned and host memories,
/// messages, inboxes and property checkers. A state is then just the vector of its components' ids
/// (<see cref="StateLayout"/>), and two states are equal exactly when their components' canonical bytes are.
/// </summary>
internal sealed class ComponentStore
{
    private readonly CanonicalWriter writer = new();
    private readonly MemoryStream checkerStream = new();
    private readonly BinaryWriter checkerWriter;
    private readonly CanonicalInterner<object>[] parties;
    private readonly CanonicalInterner<PinnedMemory> pinned = new();
    private readonly CanonicalInterner<HostMemory> host = new();
    private readonly CanonicalInterner<Message> messages = new();
    private readonly List<int> choices = [];
    private readonly CanonicalInterner<IProperty>[] checkers;
    private readonly List<string?>[] obligations;

    public ComponentStore(ModelConfig config, PartySlots slots, int properties)
    {
        Config = config;
        Slots = slots;
        Layout = new StateLayout(slots.Count, properties);
        checkerWriter = new BinaryWriter(checkerStream);
        parties = Enumerable.Range(0, slots.Count).Select(_ => new CanonicalInterner<object>()).ToArray();
        checkers = Enumerable.Range(0, properties).Select(_ => new CanonicalInterner<IProperty>()).ToArray();
        obligations = Enumerable.Range(0, properties).Select(_ => new List<string?>()).ToArray();
    }

    public ModelConfig Config { get; }

    public PartySlots Slots { get; }

    public StateLayout Layout { get; }

    public InboxTable Inboxes { get; } = new();

    public object Party(int slot, int id) => parties[slot][id];

    public PinnedMemory Pinned(int id) => pinned[id];

    public HostMemory Host(int id) => host[id];

    public Message Message(int id) => messages[id];

    /// <summary>In how many ways the interned message can be taken (cached per message: asked on every expansion).</summary>
    public int ChoicesFor(int message) => choices[message];

    public IProperty Checker(int index, int id) => checkers[index][id];

    /// <summary>What checker index in state id still owes (its liveness obligation), or null.</summary>
    public string? Obligation(int index, int id) => obligations[index][id];

    public int InternParty(int slot, object state)
    {
        writer.Clear();
        switch (state)
        {
            case DeviceState d:
                WorldEncoder.WriteDevice(writer, d);
                break;
            case IommuState s:
                WorldEncoder.WriteIommu(writer, s);
                break;
            case DriverState s:
                WorldEncoder.WriteDriver(writer, s);
                break;
            case VmmState s:
                WorldEncoder.WriteVmm(writer, s);
                break;
            case LinkState s:
                WorldEncoder.WriteLink(writer, s);
                break;
            case GuestState s:
                WorldEncoder.WriteGuest(writer, s);
                break;
            default:
                throw new NotSupportedException($"no canonical encoding for party state {state.GetType().Name}");
        }

        return parties[slot].Intern(writer.Written, state);
    }

    /// <summary>A private copy of a stored party state, for a step to mutate.</summary>
    public object CopyOfParty(int slot, int id) => Party(slot, id) switch
    {
        DeviceState d => d.Clone(),
        IommuState s => s.Clone(),
        DriverState s => s.Clone(),
        VmmState s => s.Clone(),
        LinkState s => s.Clone(),
        GuestState s => s.Clone(),
        var other => throw new NotSupportedException($"cannot copy party state {other.GetType().Name}"),
    };

    public int InternPinned(PinnedMemory memory)
    {
        writer.Clear();
        WorldEncoder.WritePinned(writer, memory);
        return pinned.Intern(writer.Written, memory);
    }

    public int InternHost(HostMemory memory)
    {
        writer.Clear();
        WorldEncoder.WriteHost(writer, memory);
        return host.Intern(writer.Written, memory);
    }

    public int InternMessage(Message message)
    {
        writer.Clear();
        MessageEncoder.Write(writer, message);
        var before = messages.Count;
        var id = messages.Intern(writer.Written, message);
        if (id == before)
        {
            choices.Add(World.ChoicesFor(Config, message));
        }

        return id;
    }

    public int InternChecker(int index, IProperty checker)
    {
        checkerStream.SetLength(0);
        checker.WriteCanonical(checkerWriter);
        checkerWriter.Flush();
        var before = checkers[index].Count;
        var id = checkers[index].Intern(checkerStream.GetBuffer().AsSpan(0, (int)checkerStream.Length), checker);
        if (id == before)
        {
            obligations[index].Add(checker.Obligation);
        }

        return id;
    }

    /// <summary>The vector of a whole state built the slow way (the initial state).</summary>
    public int[] Vector(GlobalState state)
    {
        var v = new int[Layout.Width];
        var world = state.World;
        for (var slot = 0; slot < Layout.Slots; slot++)
        {
            var (role, index) = PartySlots.PartyAt(slot);
            v[StateLayout.Party(slot)] = InternParty(slot, world.PartyState(role, index));
            var inbox = InboxTable.Empty;
            foreach (var envelope in state.Inboxes[slot])
            {
                inbox = Inboxes.Append(inbox, InternMessage(envelope.Message));
            }

            v[Layout.Inbox(slot)] = inbox;
        }

        v[Layout.Pinned] = InternPinned(world.Context.Pinned);
        v[Layout.Host] = InternHost(world.Context.Host);
        for (var i = 0; i < Layout.Properties; i++)
        {
            v[Layout.Property(i)] = InternChecker(i, state.Properties[i]);
        }

        return v;
    }
}
