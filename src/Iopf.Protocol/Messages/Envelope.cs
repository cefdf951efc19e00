namespace Iopf.Protocol.Messages;

/// <summary>The parties of the protocol.</summary>
public enum Role
{
    Device,
    Iommu,
    Driver,
    Vmm,
    Guest,
}

/// <summary>A message addressed to a party (Index selects the guest VM; 0 for the singletons).</summary>
public sealed record Envelope(Role To, int Index, Message Message);
