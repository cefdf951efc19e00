namespace Iopf.Harness.Output;

/// <summary>
/// The output could not be written (a folder that cannot hold files, a directory where a file must go, a
/// full disk). The message is one line naming the path; exit code 2. Whatever was there before is intact.
/// </summary>
public sealed class OutputException(string message) : Exception(message);
