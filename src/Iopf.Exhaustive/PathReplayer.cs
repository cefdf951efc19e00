using Iopf.Protocol.Configuration;
using Iopf.Protocol.Parties;

namespace Iopf.Exhaustive;

/// <summary>
/// Re-runs a path of (slot, choice) steps from the initial state, recording what each step delivered and
/// produced. The explorer stores only parent links, so this is how a counterexample gets its details.
/// </summary>
public static class PathReplayer
{
    public static (IReadOnlyList<TraceStep> Steps, GlobalState Last) Replay(ModelConfig config, IReadOnlyList<(int Slot, int Choice)> path)
    {
        var (state, start) = GlobalState.Initial(config);
        state.Judge(start);
        var steps = new List<TraceStep>();
        foreach (var (slot, choice) in path)
        {
            var envelope = state.Inboxes[slot][0];
            int? shownChoice = state.ChoicesAt(slot) > 1 ? choice : null;
            StepResult step;
            try
            {
                (state, step) = state.Successor(slot, choice);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                steps.Add(new TraceStep(steps.Count + 1, PartySlots.Name(slot), envelope.Message, shownChoice, [], [], $"{ex.GetType().Name}: {ex.Message}"));
                break;
            }

            state.Judge(step);
            steps.Add(new TraceStep(steps.Count + 1, PartySlots.Name(slot), envelope.Message, shownChoice, step.Observations, step.Sends, null));
        }

        return (steps, state);
    }

    /// <summary>
    /// Replays a recorded path alone (no search) and says how it ends: a property's breach on a step, a step
    /// that threw, or a quiescent state that still owes something; null when the path ends in none of these.
    /// A CompletionUnreachable counterexample ends in a state from which no completion is reachable, which
    /// only a search can tell: its path gives null here, and the caller must not claim more than that it replays.
    /// </summary>
    public static (ViolationKind Kind, string Property, string Verdict)? Check(ModelConfig config, IReadOnlyList<(int Slot, int Choice)> path)
    {
        var (state, start) = GlobalState.Initial(config);
        if (state.Judge(start) is { } initial)
        {
            return (ViolationKind.Safety, initial.Property, initial.Sentence);
        }

        foreach (var (slot, choice) in path)
        {
            if (slot < 0 || slot >= state.Inboxes.Count || state.Inboxes[slot].Count == 0 || choice < 0 || choice >= Math.Max(1, state.ChoicesAt(slot)))
            {
                throw new ArgumentException($"step ({slot}, {choice}) is not possible in the state the path reached");
            }

            StepResult step;
            try
            {
                (state, step) = state.Successor(slot, choice);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return (ViolationKind.ProtocolError, "ProtocolError", $"{ex.GetType().Name}: {ex.Message}");
            }

            if (state.Judge(step) is { } breach)
            {
                return (ViolationKind.Safety, breach.Property, breach.Sentence);
            }
        }

        return state.IsTerminal && state.FirstObligation() is { } owed ? (ViolationKind.QuiescentWithObligation, owed.Property, owed.Sentence) : null;
    }
}
