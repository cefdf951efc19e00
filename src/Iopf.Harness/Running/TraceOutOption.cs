using System.CommandLine;
using Iopf.Harness.Output;

namespace Iopf.Harness.Running;

/// <summary>
/// `--out` of `replay` and `trace`: where the rendered trace goes. Default: beside the schedule, so a schedule
/// in a folder one cannot write to (a colleague's, a read-only checkout) can still be rendered elsewhere.
/// </summary>
public static class TraceOutOption
{
    public static Option<string?> Create() =>
        new("--out", "-o") { Description = "Directory for the .counterexample.txt/.mmd/.md files; default: beside the schedule", HelpName = "dir" };

    /// <summary>Checks the folder the files will go to (given or the schedule's own) before the replay runs.</summary>
    public static void Check(string? outDirectory, string schedulePath)
    {
        if (outDirectory is not null)
        {
            OutputFolder.Check(outDirectory, "--out");
        }
        else if (File.Exists(schedulePath))
        {
            OutputFolder.Check(Path.GetDirectoryName(Path.GetFullPath(schedulePath))!, "the schedule's folder");
        }
    }
}
