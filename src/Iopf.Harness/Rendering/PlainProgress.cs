using System.Globalization;
using Iopf.Harness.Running;
using Spectre.Console;

namespace Iopf.Harness.Rendering;

/// <summary>
/// Progress for output that is not a terminal (CI logs): a live bar would be invisible there, so each
/// world gets a plain line when it starts and one when it ends. Only counts, no clock, so two
/// identical runs log the same lines.
/// </summary>
public static class PlainProgress
{
    public static void Started(IAnsiConsole console, WorldRun run, int index, int count) =>
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{index + 1}/{count}] {run.World.Name}: exploring {run.Budget.Iterations} schedules"));

    public static void Finished(IAnsiConsole console, WorldResult result, int index, int count)
    {
        var verdict = result.Outcome.Holds ? "holds" : $"{result.Outcome.ViolatedProperty} VIOLATED";
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{index + 1}/{count}] {result.Run.World.Name}: {verdict} after {result.Outcome.IterationsRun}/{result.Run.Budget.Iterations} schedules"));
    }
}
