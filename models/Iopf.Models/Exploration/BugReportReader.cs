using System.Text.RegularExpressions;
using Iopf.Specs.Properties;

namespace Iopf.Models.Exploration;

/// <summary>Names the property behind a Coyote bug report: safety verdicts carry "[Property]", liveness ones the monitor's type.</summary>
public static partial class BugReportReader
{
    /// <summary>The pseudo-property of a failure that is not a monitor verdict (an exception in a party, a deadlock).</summary>
    public const string ModelError = "ModelError";

    public static string PropertyOf(string bugReport)
    {
        var safety = SafetyPrefix().Match(bugReport);
        if (safety.Success && PropertySet.Names.Contains(safety.Groups[1].Value))
        {
            return safety.Groups[1].Value;
        }

        var liveness = LivenessMonitor().Match(bugReport);
        if (liveness.Success && PropertySet.Names.Contains(liveness.Groups[1].Value))
        {
            return liveness.Groups[1].Value;
        }

        return ModelError;
    }

    [GeneratedRegex(@"^\[(\w+)\] ")]
    private static partial Regex SafetyPrefix();

    [GeneratedRegex(@"Monitors\.(\w+) detected (?:potential )?liveness bug")]
    private static partial Regex LivenessMonitor();
}
