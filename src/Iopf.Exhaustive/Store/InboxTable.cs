using System.Runtime.InteropServices;

namespace Iopf.Exhaustive;

/// <summary>
/// Interned FIFO inboxes: each distinct sequence of message ids gets an id (0 is the empty inbox), with its
/// head and the inbox left after taking the head precomputed, and appends memoized: a step that re-queues a
/// message another interleaving already queued costs one dictionary lookup.
/// </summary>
internal sealed class InboxTable
{
    private readonly CanonicalInterner<int[]> sequences = new();
    private readonly List<int> heads = [];
    private readonly List<int> rests = [];
    private readonly Dictionary<(int Inbox, int Message), int> appended = [];

    public InboxTable() => Intern([]);

    public const int Empty = 0;

    public int Head(int inbox) => heads[inbox];

    public int Rest(int inbox) => rests[inbox];

    public IReadOnlyList<int> Messages(int inbox) => sequences[inbox];

    public int Append(int inbox, int message)
    {
        if (!appended.TryGetValue((inbox, message), out var next))
        {
            next = Intern([.. sequences[inbox], message]);
            appended[(inbox, message)] = next;
        }

        return next;
    }

    private int Intern(int[] messages)
    {
        var before = sequences.Count;
        var id = sequences.Intern(MemoryMarshal.AsBytes(messages.AsSpan()), messages);
        if (id == before)
        {
            // New: reserve its slots first (the rest may be interned recursively and take later ids).
            heads.Add(-1);
            rests.Add(-1);
            if (messages.Length > 0)
            {
                heads[id] = messages[0];
                rests[id] = Intern(messages[1..]);
            }
        }

        return id;
    }
}
