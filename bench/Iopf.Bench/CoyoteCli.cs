using System.Diagnostics;

namespace Iopf.Bench;

/// <summary>Times the same exploration through `dotnet coyote test`, for the in-process / CLI ratio.</summary>
internal static class CoyoteCli
{
    public static TimeSpan Test(string repoRoot, string modelsDll, string world, uint iterations, uint seed, uint maxSteps)
    {
        var output = Directory.CreateTempSubdirectory("iopf-bench-");
        try
        {
            var start = new ProcessStartInfo("dotnet", ["coyote", "test", modelsDll, "-m", "World", "-i", $"{iterations}", "-s", "random", "--seed", $"{seed}", "-ms", $"{maxSteps}", "-o", output.FullName])
            {
                WorkingDirectory = repoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["IOPF_MUTANTS"] = string.Empty;
            start.Environment["IOPF_WORLD"] = world;
            var sw = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? sw.Elapsed : throw new InvalidOperationException($"dotnet coyote test (IOPF_WORLD={world}) exited with {process.ExitCode}");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
