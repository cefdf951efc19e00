namespace Iopf.Invariants.Z3Native;

/// <summary>
/// The system libz3 could not be loaded. The message is one line with the install command, because this is
/// what a user sees first on a fresh machine and it must say exactly what to do.
/// </summary>
public sealed class Z3NotFoundException(string triedNames)
    : Exception($"libz3 not found (tried {triedNames}): install it with `apt-get install -y libz3-4`");
