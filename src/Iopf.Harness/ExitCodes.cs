namespace Iopf.Harness;

/// <summary>The process exit codes CI scripts can rely on.</summary>
public static class ExitCodes
{
    /// <summary>Every property held on every schedule explored (or replayed).</summary>
    public const int Holds = 0;

    /// <summary>A property was violated; the counterexample was written.</summary>
    public const int Violated = 1;

    /// <summary>Bad input or setup: nothing was explored and nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// No violation was found, but the search stopped at a bound (`exhaustive --max-states / --max-depth`)
    /// before it explored everything it was asked to: nothing is proven, so CI must not read it as green.
    /// </summary>
    public const int Incomplete = 3;

    /// <summary>Ctrl-C: the worlds finished before it were written; the others were not explored (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
