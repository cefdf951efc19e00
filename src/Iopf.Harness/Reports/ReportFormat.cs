namespace Iopf.Harness.Reports;

/// <summary>The machine-readable reports `run --report` can write into the out directory.</summary>
public static class ReportFormat
{
    public const string Json = "json";

    public const string JUnit = "junit";

    public const string JsonFileName = "iopf-report.json";

    public const string JUnitFileName = "iopf-junit.xml";

    public static string[] All { get; } = [Json, JUnit];
}
