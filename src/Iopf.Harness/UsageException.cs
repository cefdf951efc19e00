namespace Iopf.Harness;

/// <summary>Input the harness refuses (a bad path, an impossible option combination). The message is one line; exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
