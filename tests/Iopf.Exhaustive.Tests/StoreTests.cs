namespace Iopf.Exhaustive.Tests;

/// <summary>The state set and the inbox table the explorer's speed rests on: exact, stable ids.</summary>
public class StoreTests
{
    [Fact]
    public void The_state_table_is_exact_across_growth_and_keeps_insertion_ids()
    {
        var table = new StateTable(3);
        var random = new Random(7);
        var vectors = new List<int[]>();
        var seen = new HashSet<(int, int, int)>();
        while (vectors.Count < 50_000)
        {
            int[] v = [random.Next(40), random.Next(40), random.Next(40)];
            if (seen.Add((v[0], v[1], v[2])))
            {
                vectors.Add(v);
            }
        }

        for (var i = 0; i < vectors.Count; i++)
        {
            Assert.Equal((i, true), table.Intern(vectors[i]));
        }

        for (var i = 0; i < vectors.Count; i++)
        {
            Assert.Equal((i, false), table.Intern(vectors[i]));
            Assert.Equal(vectors[i], table[i].ToArray());
        }

        Assert.Equal(vectors.Count, table.Count);
    }

    [Fact]
    public void Inboxes_are_fifo_and_equal_contents_share_an_id()
    {
        var inboxes = new InboxTable();
        var ab = inboxes.Append(inboxes.Append(InboxTable.Empty, 1), 2);
        Assert.Equal(1, inboxes.Head(ab));
        Assert.Equal([2], inboxes.Messages(inboxes.Rest(ab)));
        Assert.Equal(InboxTable.Empty, inboxes.Rest(inboxes.Rest(ab)));

        // [2] reached by appending to the empty inbox, or by taking the head off [1, 2]: one inbox, one id.
        Assert.Equal(inboxes.Append(InboxTable.Empty, 2), inboxes.Rest(ab));
        Assert.NotEqual(ab, inboxes.Append(inboxes.Append(InboxTable.Empty, 2), 1));
    }
}
