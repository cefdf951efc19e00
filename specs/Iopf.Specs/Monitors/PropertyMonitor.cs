using Iopf.Specs.Judging;
using Iopf.Specs.Properties;
using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace Iopf.Specs.Monitors;

/// <summary>
/// Hosts one <see cref="IProperty"/> as a Coyote monitor: a violation is an assertion failure naming the
/// property, and an owed obligation keeps the monitor in its hot state, so a run that ends (or exceeds the
/// liveness temperature) with the obligation still owed is a liveness bug.
/// </summary>
public abstract class PropertyMonitor<TProperty> : CoyoteMonitor
    where TProperty : IProperty, new()
{
    // A judge over this monitor's one property: the monitors judge by the same code path as every other engine.
    private readonly Judge judge = new([new TProperty()]);

    /// <summary>Prefix of every safety verdict, so a bug report names its property.</summary>
    public static string VerdictPrefix => $"[{new TProperty().Name}] ";

    protected void OnObservation(Event e)
    {
        var observation = ((ObservationEvent)e).Observation;
        var violation = judge.Observe(observation);
        Assert(violation is null, VerdictPrefix + violation?.Sentence);
        var next = judge.FirstObligation() is null ? typeof(Satisfied) : typeof(Owed);
        if (CurrentState != next)
        {
            RaiseGotoStateEvent(next);
        }
    }

    [Start]
    [Cold]
    [OnEventDoAction(typeof(ObservationEvent), nameof(OnObservation))]
    protected sealed class Satisfied : State
    {
    }

    [Hot]
    [OnEventDoAction(typeof(ObservationEvent), nameof(OnObservation))]
    protected sealed class Owed : State
    {
    }
}
