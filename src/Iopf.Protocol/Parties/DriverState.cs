using Iopf.Protocol.Descriptors;

namespace Iopf.Protocol.Parties;

/// <summary>The fault the driver is working on (it handles one at a time, in queue order).</summary>
/// <remarks>Frame is the host frame the VMM resolved the page to, once known (carried in the completion).</remarks>
public sealed record DriverWork(FaultDescriptor Fault, int Buffer, int? Frame = null);

public sealed class DriverState
{
    public DriverWork? Current { get; set; }

    public DriverState Clone() => new() { Current = Current };
}
