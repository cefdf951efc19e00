using System.Diagnostics;

namespace Iopf.Harness.Tests;

/// <summary>The built `iopf` executable (artifacts/bin/Iopf.Harness/&lt;configuration&gt;/iopf), for tests that need a real process: signals.</summary>
internal static class Apphost
{
    public static string PathOf => Path.Combine(Repo.Root, "artifacts", "bin", "Iopf.Harness", new DirectoryInfo(AppContext.BaseDirectory).Name, "iopf");

    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(PathOf) { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Sends a signal by number with kill(1): .NET can send SIGKILL only, not SIGINT.</summary>
    public static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>A copy of SingleFault with its page resident from the start: no fault, so no mutant of the fault path shows, and a huge budget.</summary>
    public static string LongWorld(Sandbox sandbox, string name) =>
        sandbox.Write(name + ".json", File.ReadAllText(Path.Combine(Repo.Root, "worlds", "SingleFault.json"))
            .Replace("\"exhaustive\"", "\"initiallyResident\": [ { \"vm\": 0, \"page\": 0 } ], \"sampling\": { \"iterations\": 1000000 }, \"exhaustive\"", StringComparison.Ordinal));
}
