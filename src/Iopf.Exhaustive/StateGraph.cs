namespace Iopf.Exhaustive;

/// <summary>
/// The explored graph, by int state id (ids are given in breadth-first order, so a smaller id is never deeper):
/// each state's breadth-first parent and the step from it, quiescence, and every edge.
/// </summary>
internal sealed class StateGraph
{
    private readonly IntColumn parent = new();
    private readonly IntColumn slot = new();
    private readonly IntColumn choice = new();
    private readonly IntColumn depth = new();
    private readonly List<bool> quiescent = [];
    private readonly IntColumn edgeFrom = new();
    private readonly IntColumn edgeTo = new();

    public int Count => parent.Count;

    public int EdgeCount => edgeFrom.Count;

    public int Depth(int id) => depth[id];

    public bool IsQuiescent(int id) => quiescent[id];

    /// <summary>Records a new state (its id is the next one) and how it was first reached.</summary>
    public int Add(int from, int bySlot, int byChoice, bool isQuiescent)
    {
        var id = parent.Count;
        parent.Add(from);
        slot.Add(bySlot);
        choice.Add(byChoice);
        depth.Add(from < 0 ? 0 : depth[from] + 1);
        quiescent.Add(isQuiescent);
        return id;
    }

    public void AddEdge(int from, int to)
    {
        edgeFrom.Add(from);
        edgeTo.Add(to);
    }

    /// <summary>The (slot, choice) steps from the initial state to state id.</summary>
    public List<(int Slot, int Choice)> PathTo(int id)
    {
        var steps = new List<(int, int)>();
        for (var at = id; parent[at] >= 0; at = parent[at])
        {
            steps.Add((slot[at], choice[at]));
        }

        steps.Reverse();
        return steps;
    }

    /// <summary>
    /// Reverse reachability from the quiescent states (all obligation-free by the time this runs): which states
    /// can still reach one. Predecessor lists are built in compressed form from the edge lists.
    /// </summary>
    public bool[] CanReachQuiescence()
    {
        var n = Count;
        var start = new int[n + 1];
        for (var e = 0; e < edgeTo.Count; e++)
        {
            start[edgeTo[e] + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = (int[])start.Clone();
        var predecessors = new int[edgeTo.Count];
        for (var e = 0; e < edgeTo.Count; e++)
        {
            predecessors[fill[edgeTo[e]]++] = edgeFrom[e];
        }

        var reached = new bool[n];
        var work = new Stack<int>();
        for (var id = 0; id < n; id++)
        {
            if (quiescent[id])
            {
                reached[id] = true;
                work.Push(id);
            }
        }

        while (work.Count > 0)
        {
            var at = work.Pop();
            for (var k = start[at]; k < start[at + 1]; k++)
            {
                var p = predecessors[k];
                if (!reached[p])
                {
                    reached[p] = true;
                    work.Push(p);
                }
            }
        }

        return reached;
    }
}
