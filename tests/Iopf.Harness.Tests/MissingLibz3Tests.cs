using System.Diagnostics;

namespace Iopf.Harness.Tests;

/// <summary>
/// libz3 missing, simulated honestly and without a production hook: the library is loaded once per process,
/// so the CLI runs out of process with LD_LIBRARY_PATH pointing at a folder whose libz3.so and libz3.so.4 are
/// truncated files. The dynamic loader searches that folder first, finds them, and fails to load them ("file
/// too short"), exactly the failure NativeLibrary.TryLoad sees when no usable libz3 is installed.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class MissingLibz3Tests : IDisposable
{
    private const string Message = "iopf: libz3 not found (tried libz3.so, libz3.so.4): install it with `apt-get install -y libz3-4`";

    private readonly Sandbox sandbox = new();

    public MissingLibz3Tests()
    {
        Directory.CreateDirectory(sandbox.PathOf("fake-z3"));
        File.WriteAllText(sandbox.PathOf("fake-z3/libz3.so"), "not a library");
        File.WriteAllText(sandbox.PathOf("fake-z3/libz3.so.4"), "not a library");
    }

    public void Dispose() => sandbox.Dispose();

    [Theory]
    [InlineData("prove")]
    [InlineData("verify", "--plan", "{testplan}", "--world", "SingleFault", "--out", "{out}")]
    public void Without_libz3_the_command_is_refused_in_one_line_before_it_prints_or_writes(params string[] args)
    {
        var before = sandbox.Files();

        var (code, stdout, stderr) = Iopf([.. args.Select(a => a.Replace("{testplan}", Repo.TestPlan, StringComparison.Ordinal).Replace("{out}", sandbox.Out, StringComparison.Ordinal))]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(Message, stderr.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(before, sandbox.Files());
        Assert.False(Directory.Exists(sandbox.Out));
    }

    private (int Code, string Out, string Err) Iopf(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = sandbox.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "iopf.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["LD_LIBRARY_PATH"] = sandbox.PathOf("fake-z3");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, stdout, "(timed out)");
        }

        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }
}
