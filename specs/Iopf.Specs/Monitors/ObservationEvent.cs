using Iopf.Protocol.Observations;
using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace Iopf.Specs.Monitors;

/// <summary>Carries one protocol observation to the monitors.</summary>
public sealed class ObservationEvent(Observation observation) : CoyoteMonitor.Event
{
    public Observation Observation { get; } = observation;

    public override string ToString() => Observation.ToString();
}
