namespace Iopf.Models.Tracing;

/// <summary>A schedule file that cannot be replayed (missing, truncated, foreign, or from another model version). One line.</summary>
public sealed class ScheduleException(string message) : Exception(message);
