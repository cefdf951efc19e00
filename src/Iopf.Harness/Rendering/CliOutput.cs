namespace Iopf.Harness.Rendering;

/// <summary>Where a command writes its normal output, and whether that is an interactive terminal.</summary>
public sealed record CliOutput(TextWriter Writer, bool Terminal);
