namespace Iopf.Protocol.Messages;

/// <summary>The parties of the protocol.</summary>
public enum Role
{
    Device,
    Iommu,
    Driver,
    Vmm,

    /// <summary>The device's upstream PCIe link: its posted writes and messages, in the order the device sent them.</summary>
    Link,
    Guest,
}

/// <summary>A message addressed to a party (Index selects the guest VM; 0 for the singletons).</summary>
public sealed record Envelope(Role To, int Index, Message Message);
