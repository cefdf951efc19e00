using Iopf.Specs.Properties;

namespace Iopf.Harness.Running;

/// <summary>What one exploration says about one property.</summary>
public enum PropertyVerdict
{
    /// <summary>No violation in any schedule explored.</summary>
    Holds,

    /// <summary>This property's violation ended the search.</summary>
    Violated,

    /// <summary>
    /// The search stopped at another property's violation: the schedules it did not run were never
    /// checked, so saying "holds" would overstate what was seen.
    /// </summary>
    NotCheckedFurther,
}

/// <summary>The per-property verdicts of a scenario result, and their words in every report.</summary>
public static class PropertyVerdicts
{
    public static PropertyVerdict Of(WorldResult result, string property) =>
        result.Outcome.Holds ? PropertyVerdict.Holds
        : result.Outcome.ViolatedProperty == property ? PropertyVerdict.Violated
        : PropertyVerdict.NotCheckedFurther;

    public static IEnumerable<(string Property, PropertyVerdict Verdict)> All(WorldResult result) =>
        PropertySet.Names.Select(p => (p, Of(result, p)));

    /// <summary>The word used in the JSON report and the table.</summary>
    public static string Word(PropertyVerdict verdict) => verdict switch
    {
        PropertyVerdict.Holds => "holds",
        PropertyVerdict.Violated => "violated",
        _ => "not checked further",
    };
}
