using Iopf.Protocol.Messages;

namespace Iopf.Protocol.Parties;

/// <summary>A party found its own state inconsistent: a model defect, reported as a bug by every explorer.</summary>
public sealed class ProtocolStateException(string message) : Exception(message);

/// <summary>A party received a message it has no step for: a wiring defect in the model.</summary>
public sealed class UnexpectedMessageException(string party, Message message)
    : Exception($"{party} has no step for {message.GetType().Name}");
