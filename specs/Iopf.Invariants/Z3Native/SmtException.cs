namespace Iopf.Invariants.Z3Native;

/// <summary>Z3 rejected the SMT-LIB2 text. The message is one line: Z3's own diagnosis with its position.</summary>
public sealed class SmtException(string message) : Exception(message);
