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
}
