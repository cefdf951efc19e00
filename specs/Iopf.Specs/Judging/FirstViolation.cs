namespace Iopf.Specs.Judging;

/// <summary>
/// The rule that picks the verdict of a step when several properties object: the earliest observation wins,
/// and among properties broken by the same observation the one earlier in reporting order. Properties are
/// offered in reporting order, so "earliest" is all that has to be compared. The judge and the exhaustive
/// explorer's memoised checkers both pick through this, so they report the same violation as the monitors.
/// </summary>
public struct FirstViolation()
{
    private int at = int.MaxValue;

    /// <summary>The reporting-order index of the winning property (-1 while none).</summary>
    public int Property { get; private set; } = -1;

    public string? Sentence { get; private set; }

    /// <summary>Property (reporting-order index) was broken by the observation at position at; offer in reporting order.</summary>
    public void Offer(int property, int at, string sentence)
    {
        if (at < this.at)
        {
            (this.at, Property, Sentence) = (at, property, sentence);
        }
    }
}
