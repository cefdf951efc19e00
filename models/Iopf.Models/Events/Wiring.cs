using Iopf.Protocol.Messages;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Events;

/// <summary>Which actor plays which role.</summary>
public sealed record Wiring(ActorId Device, ActorId Iommu, ActorId Driver, ActorId Vmm, ActorId Link, IReadOnlyList<ActorId> Guests)
{
    public ActorId Of(Envelope envelope) => envelope.To switch
    {
        Role.Device => Device,
        Role.Iommu => Iommu,
        Role.Driver => Driver,
        Role.Vmm => Vmm,
        Role.Link => Link,
        Role.Guest => Guests[envelope.Index],
        _ => throw new ArgumentOutOfRangeException(nameof(envelope), envelope.To, "unknown role"),
    };
}
