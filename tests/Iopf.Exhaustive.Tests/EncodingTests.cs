using System.Reflection;
using System.Runtime.CompilerServices;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;

namespace Iopf.Exhaustive.Tests;

/// <summary>The canonical encoding must see every piece of state, or the explorer would merge states that differ.</summary>
public class EncodingTests
{
    [Fact]
    public void Every_public_member_of_every_party_state_is_encoded_or_deliberately_ignored()
    {
        foreach (var (type, encoded) in WorldEncoder.EncodedMembers)
        {
            var ignored = WorldEncoder.IgnoredMembers.GetValueOrDefault(type, []);
            var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order();
            Assert.Equal(members, encoded.Concat(ignored).Order());
        }
    }

    [Fact]
    public void The_world_has_exactly_the_parts_the_encoder_writes()
    {
        var parts = typeof(World).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order();
        Assert.Equal(["Config", "Context", "Device", "Driver", "Guests", "Iommu", "Link", "Vmm"], parts);
    }

    [Fact]
    public void Every_message_type_has_an_encoding()
    {
        var types = typeof(Message).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Message)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(types);
        var tags = new HashSet<byte>();
        foreach (var type in types)
        {
            var writer = new CanonicalWriter();
            MessageEncoder.Write(writer, (Message)RuntimeHelpers.GetUninitializedObject(type));
            Assert.True(tags.Add(writer.Written[0]), $"{type.Name} shares its tag");
        }
    }

    [Fact]
    public void A_state_and_its_successor_are_different_vectors_and_interning_is_stable()
    {
        var (initial, start) = GlobalState.Initial(TestWorlds.Config("TwoVmsSharedBuffers"));
        initial.Judge(start);
        var store = new ComponentStore(TestWorlds.Config("TwoVmsSharedBuffers"), initial.Slots, initial.Properties.Count);
        var before = store.Vector(initial);
        Assert.Equal(before, store.Vector(initial));

        var (next, step) = initial.Successor(0, 0);
        Assert.Null(next.Judge(step));
        Assert.NotEqual(before, store.Vector(next));
        Assert.Equal(before, store.Vector(initial));
    }

    [Fact]
    public void Property_history_is_part_of_the_state()
    {
        // Same world and inboxes, different checker state: must not be merged.
        var (a, start) = GlobalState.Initial(TestWorlds.Config("TwoVmsSharedBuffers"));
        var (b, _) = GlobalState.Initial(TestWorlds.Config("TwoVmsSharedBuffers"));
        a.Judge(start);
        var store = new ComponentStore(TestWorlds.Config("TwoVmsSharedBuffers"), a.Slots, a.Properties.Count);
        Assert.NotEqual(store.Vector(a), store.Vector(b));
    }
}
