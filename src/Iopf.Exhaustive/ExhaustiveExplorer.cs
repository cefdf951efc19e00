using Iopf.Protocol.Coverage;
using System.Diagnostics;
using Iopf.Protocol.Configuration;
using Iopf.Specs.Judging;

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
        private ComponentStore store = null!;
        private StateTable table = null!;
        private StepMemo steps = null!;
        private CheckerMemo checkers = null!;
        private int[] parent = [];
        private int[] next = [];
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
                violation = Build(ViolationKind.Safety, broken.Property, broken.Sentence, []);
            }
            else
            {
                store = new ComponentStore(config, initial.Slots, initial.Properties.Count);
                table = new StateTable(store.Layout.Width);
                steps = new StepMemo(store, initial.Properties);
                checkers = new CheckerMemo(store);
                parent = new int[store.Layout.Width];
                next = new int[store.Layout.Width];
                Admit(store.Vector(initial), -1, 0, 0);

                // Ids are handed out in breadth-first order, so each level is the id range added by the one before.
                var (levelStart, levelEnd) = (0, graph.Count);
                for (var depth = 0; levelStart < levelEnd && violation is null && !boundReached; depth++)
                {
                    if (depth == options.MaxDepth)
                    {
                        boundReached = true;
                        bound = $"depth bound {depth}";
                        break;
                    }

                    for (var id = levelStart; id < levelEnd && violation is null && !boundReached; id++)
                    {
                        Expand(id);
                    }

                    (levelStart, levelEnd) = (levelEnd, graph.Count);
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
                StepsExecuted = steps?.Executed ?? 0,
                MaxDepth = graph.Count == 0 ? 0 : graph.Depth(graph.Count - 1),
                QuiescentStates = quiescentStates,
                Elapsed = clock.Elapsed,
                Complete = !boundReached && (violation is null || violation.Kind == ViolationKind.CompletionUnreachable),
                BoundReached = boundReached,
                Bound = bound,
                CompletionUnreachableStates = cannotComplete,
                Violation = violation,
                Reached = Reached(start),
            };
        }

        // The setup's facts and decisions, then every executed step's (each transition reuses one of them).
        private IReadOnlyList<CoveragePoint> Reached(Protocol.Parties.StepResult start)
        {
            var tally = new CoverageTally();
            tally.Add(null, start.Observations, start.Decisions);
            foreach (var point in steps?.Coverage.Reached ?? [])
            {
                tally.Add(point);
            }

            return tally.Reached;
        }

        // Every party with a message, every choice of it, in slot order: the order fixes the ids and so which
        // shortest counterexample is reported.
        private void Expand(int id)
        {
            table[id].CopyTo(parent);
            for (var slot = 0; slot < store.Layout.Slots; slot++)
            {
                var inbox = parent[store.Layout.Inbox(slot)];
                if (inbox == InboxTable.Empty)
                {
                    continue;
                }

                var message = store.Inboxes.Head(inbox);
                var choices = store.ChoicesFor(message);
                for (var choice = 0; choice < choices; choice++)
                {
                    Step(id, slot, message, choice);
                    if (violation is not null || boundReached)
                    {
                        return;
                    }
                }
            }
        }

        // One transition: the party at slot takes its oldest message; the checkers judge what it did; the
        // successor is admitted if it is new.
        private void Step(int from, int slot, int message, int choice)
        {
            transitions++;
            var layout = store.Layout;
            var outcome = steps.Get(parent, slot, message, choice);
            if (outcome.Error is { } error)
            {
                violation = Build(ViolationKind.ProtocolError, "ProtocolError", error, [.. graph.PathTo(from), (slot, choice)]);
                return;
            }

            parent.CopyTo(next, 0);
            next[StateLayout.Party(slot)] = outcome.Party;
            if (outcome.Pinned >= 0)
            {
                next[layout.Pinned] = outcome.Pinned;
            }

            if (outcome.Host >= 0)
            {
                next[layout.Host] = outcome.Host;
            }

            next[layout.Inbox(slot)] = store.Inboxes.Rest(parent[layout.Inbox(slot)]);
            foreach (var (to, sent) in outcome.Sends)
            {
                next[layout.Inbox(to)] = store.Inboxes.Append(next[layout.Inbox(to)], sent);
            }

            // The checkers that read the step, in reporting order; the judge's rule picks the step's verdict.
            var first = new FirstViolation();
            for (var readers = outcome.Readers; readers != 0; readers &= readers - 1)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(readers);
                var judged = checkers.Judge(i, parent[layout.Property(i)], outcome);
                if (judged.Verdict is { } verdict)
                {
                    first.Offer(i, judged.Violation, verdict);
                }

                next[layout.Property(i)] = judged.Next;
            }

            if (first.Sentence is { } firstVerdict)
            {
                violation = Build(ViolationKind.Safety, store.Checker(first.Property, 0).Name, firstVerdict, [.. graph.PathTo(from), (slot, choice)]);
                return;
            }

            Admit(next, from, slot, choice);
        }

        private void Admit(ReadOnlySpan<int> state, int from, int slot, int choice)
        {
            var (id, added) = table.Intern(state);
            if (from >= 0)
            {
                graph.AddEdge(from, id);
            }

            if (!added)
            {
                return;
            }

            var quiescent = true;
            for (var s = 0; s < store.Layout.Slots && quiescent; s++)
            {
                quiescent = state[store.Layout.Inbox(s)] == InboxTable.Empty;
            }

            graph.Add(from, slot, choice, quiescent);
            if (quiescent)
            {
                quiescentStates++;
                for (var i = 0; i < store.Layout.Properties; i++)
                {
                    if (store.Obligation(i, state[store.Layout.Property(i)]) is { } owed)
                    {
                        violation = Build(ViolationKind.QuiescentWithObligation, store.Checker(i, 0).Name, owed, graph.PathTo(id));
                        return;
                    }
                }
            }

            if (graph.Count >= options.MaxStates)
            {
                boundReached = true;
                bound = $"bound {options.MaxStates} states";
            }
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
                $"no quiescent state is reachable from here ({count} reachable states are like this)" + (owed is { } o ? $"; owed: {o.Sentence}" : string.Empty),
                path);
            return count;
        }

        private Counterexample Build(ViolationKind kind, string property, string verdict, IReadOnlyList<(int, int)> path) =>
            new(kind, property, verdict, PathReplayer.Replay(config, path).Steps, path);
    }
}
