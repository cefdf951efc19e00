using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// One property of the protocol, checked over the stream of observations. The same checker runs inside a
/// Coyote monitor and inside the exhaustive explorer, so both judge by one definition.
/// </summary>
public interface IProperty
{
    /// <summary>The property's name, which is also its monitor's name.</summary>
    string Name { get; }

    /// <summary>
    /// The observation types the property reads (every other type is ignored by it). Lets a host skip the
    /// others: a monitor call is a costly step in Coyote.
    /// </summary>
    IReadOnlySet<Type> Observes { get; }

    /// <summary>Takes one observation; returns the violation it reveals (one readable sentence), or null.</summary>
    string? Observe(Observation observation);

    /// <summary>For liveness: what is still owed (the monitor is hot while this is not null).</summary>
    string? Obligation { get; }

    IProperty Clone();

    /// <summary>
    /// Writes the checker's whole state, deterministically (sorted order), so an explorer that merges equal
    /// states can tell two histories apart exactly when the property could still judge them differently.
    /// </summary>
    void WriteCanonical(BinaryWriter writer);
}
