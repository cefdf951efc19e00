namespace Iopf.Harness.Running;

/// <summary>
/// Ctrl-C (SIGINT) while worlds are being sampled: the world in progress is abandoned at its next schedule,
/// the worlds finished before are written as usual (same staged commit) and the command exits 130. Outside
/// such a stretch (parsing, the exhaustive search, writing) Ctrl-C keeps its default meaning: the process ends.
/// </summary>
public static class Interruption
{
    private static volatile bool requested;

    private static volatile bool handled;

    public static bool IsRequested => requested;

    /// <summary>Called from the signal handler: true when a command will stop by itself (the signal is then cancelled).</summary>
    public static bool Request()
    {
        requested = true;
        return handled;
    }

    /// <summary>Marks the stretch in which the command stops by itself on Ctrl-C.</summary>
    public static IDisposable Handled()
    {
        handled = true;
        return new Scope();
    }

    /// <summary>The per-schedule hook's check: ends the exploration at the start of its next schedule.</summary>
    public static void ThrowIfRequested()
    {
        if (requested)
        {
            throw new InterruptedException();
        }
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => handled = false;
    }

    /// <summary>Thrown at the start of a schedule after Ctrl-C; the engine ends its run like a failed schedule, whose outcome is discarded.</summary>
    private sealed class InterruptedException() : Exception("interrupted");
}
