using Iopf.Invariants.Z3Native;

namespace Iopf.Invariants.Tests;

/// <summary>One Z3 session per test class: xunit runs a class's tests one at a time, and a context is single-threaded.</summary>
public sealed class SessionFixture : IDisposable
{
    public SmtSession Session { get; } = new();

    public void Dispose() => Session.Dispose();
}
