using Iopf.Protocol.Descriptors;

namespace Iopf.Protocol.Parties;

/// <summary>The fault the driver is working on (it handles one at a time, in queue order).</summary>
public sealed record DriverWork(FaultDescriptor Fault, int Buffer);

public sealed class DriverState
{
    public DriverWork? Current { get; set; }

    public DriverState Clone() => new() { Current = Current };
}
