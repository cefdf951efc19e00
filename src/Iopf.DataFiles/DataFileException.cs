namespace Iopf.DataFiles;

/// <summary>
/// A world file or the plan (coyote.json) is unreadable or names something impossible. The message is one
/// line: file, line, key and what is wrong, ready to print as it is.
/// </summary>
public sealed class DataFileException(string message) : Exception(message);
