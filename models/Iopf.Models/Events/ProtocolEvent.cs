using Iopf.Protocol.Messages;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Events;

/// <summary>Carries one protocol message between the party machines.</summary>
public sealed class ProtocolEvent(Message message) : Event
{
    public Message Message { get; } = message;

    public override string ToString() => Message.ToString();
}
