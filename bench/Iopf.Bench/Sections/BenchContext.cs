using System.Globalization;
using Iopf.Worlds.Plan;

namespace Iopf.Bench.Sections;

/// <summary>What every section needs: the repository, its verification plan, and whether this is a quick run.</summary>
internal sealed record BenchContext(string Root, VerificationPlan Plan, bool Quick)
{
    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>One section of results.md and its entry in results.json.</summary>
internal sealed record SectionResult(string Key, string Markdown, object Json);
