namespace Iopf.Exhaustive;

/// <summary>
/// Property checker transitions by (checker, checker state, step outcome): a checker's next state and verdict
/// depend on nothing else, so each is computed once, on a copy of the stored checker, and then reused.
/// </summary>
internal sealed class CheckerMemo(ComponentStore store)
{
    private readonly Dictionary<(int Index, int State, int Outcome), Judged> judged = [];

    /// <summary>
    /// Checker index, in state id, reads the outcome's observations in order. Violation is the position of the
    /// observation that broke it (-1 when none did), so the first violation of a step can be picked the way the
    /// monitors report it: earliest observation first, then reporting order.
    /// </summary>
    public Judged Judge(int index, int state, StepOutcome outcome)
    {
        if (judged.TryGetValue((index, state, outcome.Id), out var known))
        {
            return known;
        }

        var checker = store.Checker(index, state).Clone();
        var result = Specs.Judging.Judge.Breach(checker, outcome.Observations) is var (at, verdict)
            ? new Judged(state, at, verdict)
            : new Judged(store.InternChecker(index, checker), -1, null);

        judged[(index, state, outcome.Id)] = result;
        return result;
    }

    internal readonly record struct Judged(int Next, int Violation, string? Verdict);
}
