namespace Iopf.Models.Tracing;

/// <summary>
/// How a traced execution ended: the violated property (or null when every property held), Coyote's
/// verdict sentence, and for a liveness violation what was still owed when the run ended.
/// </summary>
public sealed record TraceVerdict(string? Property, string? Text, string? OutstandingObligation)
{
    public bool Holds => Property is null;
}
