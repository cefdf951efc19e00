using System.Diagnostics;
using Iopf.Protocol.Configuration;

namespace Iopf.Exhaustive;

/// <summary>
/// Exhaustive explicit-state search of one configuration: breadth-first over every interleaving of the
/// parties' FIFO inboxes (any party with a message may step next) and every guest choice, checking every
/// safety property on every transition, every quiescent state for open obligations, and finally that
/// completion stays reachable from every state. Breadth-first, so the first violation has a shortest path.
/// </summary>
public static class ExhaustiveExplorer
{
    public static ExhaustiveResult Explore(ModelConfig config, ExhaustiveOptions? options = null) =>
        new Search(config, options ?? new ExhaustiveOptions()).Run();

    private sealed class Search(ModelConfig config, ExhaustiveOptions options)
    {
        private readonly StateGraph graph = new();
        private readonly StateEncoder encoder = new();
        private long transitions;
        private int quiescentStates;
        private bool boundReached;
        private string? bound;
        private Counterexample? violation;

        public ExhaustiveResult Run()
        {
            var clock = Stopwatch.StartNew();
            var (initial, start) = GlobalState.Initial(config);
            if (initial.Judge(start) is { } broken)
            {
                violation = Build(ViolationKind.Safety, broken.Property, broken.Verdict, []);
            }
            else if (Admit(initial, -1, 0, 0) is { } first)
            {
                var frontier = new List<(int, GlobalState)> { first };
                for (var depth = 0; frontier.Count > 0 && violation is null && !boundReached; depth++)
                {
                    if (depth == options.MaxDepth)
                    {
                        boundReached = true;
                        bound = $"depth bound {depth}";
                        break;
                    }

                    frontier = ExpandLevel(frontier);
                }
            }

            int? cannotComplete = null;
            if (violation is null && !boundReached && options.CheckCompletionReachable)
            {
                cannotComplete = CheckCompletionReachable();
            }

            return new ExhaustiveResult
            {
                States = graph.Count,
                Transitions = transitions,
                MaxDepth = graph.Count == 0 ? 0 : graph.Depth(graph.Count - 1),
                QuiescentStates = quiescentStates,
                Elapsed = clock.Elapsed,
                Complete = !boundReached && (violation is null || violation.Kind == ViolationKind.CompletionUnreachable),
                BoundReached = boundReached,
                Bound = bound,
                CompletionUnreachableStates = cannotComplete,
                Violation = violation,
            };
        }

        private List<(int, GlobalState)> ExpandLevel(List<(int Id, GlobalState State)> frontier)
        {
            var next = new List<(int, GlobalState)>();
            foreach (var (id, state) in frontier)
            {
                for (var slot = 0; slot < state.Slots.Count; slot++)
                {
                    var choices = state.ChoicesAt(slot);
                    for (var choice = 0; choice < choices; choice++)
                    {
                        if (Step(id, state, slot, choice) is { } admitted)
                        {
                            next.Add(admitted);
                        }

                        if (violation is not null || boundReached)
                        {
                            return next;
                        }
                    }
                }
            }

            return next;
        }

        // One transition: run the step, judge it, and admit the successor if it is new.
        private (int, GlobalState)? Step(int from, GlobalState state, int slot, int choice)
        {
            transitions++;
            GlobalState successor;
            Iopf.Protocol.Parties.StepResult step;
            try
            {
                (successor, step) = state.Successor(slot, choice);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                violation = Build(ViolationKind.ProtocolError, "ProtocolError", $"{ex.GetType().Name}: {ex.Message}", [.. graph.PathTo(from), (slot, choice)]);
                return null;
            }

            if (successor.Judge(step) is { } broken)
            {
                violation = Build(ViolationKind.Safety, broken.Property, broken.Verdict, [.. graph.PathTo(from), (slot, choice)]);
                return null;
            }

            return Admit(successor, from, slot, choice);
        }

        private (int, GlobalState)? Admit(GlobalState state, int from, int slot, int choice)
        {
            var quiescent = state.IsTerminal;
            var (id, added) = graph.Intern(encoder.Hash(state), from, slot, choice, quiescent);
            if (from >= 0)
            {
                graph.AddEdge(from, id);
            }

            if (!added)
            {
                return null;
            }

            if (quiescent)
            {
                quiescentStates++;
                if (state.FirstObligation() is { } owed)
                {
                    violation = Build(ViolationKind.QuiescentWithObligation, owed.Property, owed.Obligation, graph.PathTo(id));
                    return null;
                }
            }

            if (graph.Count >= options.MaxStates)
            {
                boundReached = true;
                bound = $"bound {options.MaxStates} states";
            }

            return (id, state);
        }

        // Every quiescent state is obligation-free here (else the search had stopped), so a state that cannot
        // reach one can never complete: report the shallowest.
        private int CheckCompletionReachable()
        {
            var reached = graph.CanReachQuiescence();
            var stuck = Array.IndexOf(reached, false);
            if (stuck < 0)
            {
                return 0;
            }

            var path = graph.PathTo(stuck);
            var (_, last) = PathReplayer.Replay(config, path);
            var owed = last.FirstObligation();
            var count = reached.Count(r => !r);
            violation = Build(
                ViolationKind.CompletionUnreachable,
                owed?.Property ?? "Completion",
                $"no quiescent state is reachable from here ({count} reachable states are like this)" + (owed is { } o ? $"; owed: {o.Obligation}" : string.Empty),
                path);
            return count;
        }

        private Counterexample Build(ViolationKind kind, string property, string verdict, IReadOnlyList<(int, int)> path) =>
            new(kind, property, verdict, PathReplayer.Replay(config, path).Steps);
    }
}
