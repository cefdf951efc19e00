namespace Iopf.Exhaustive;

/// <summary>The exhaustive section of coyote.json is malformed or names something unknown. The message is one line: file, line, key, problem.</summary>
public sealed class ExhaustivePlanException(string message) : Exception(message);
