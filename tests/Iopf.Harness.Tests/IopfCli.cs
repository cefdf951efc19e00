namespace Iopf.Harness.Tests;

/// <summary>What one in-process invocation of the CLI returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    /// <summary>stderr as lines, whatever the platform's line ending, without the final empty one.</summary>
    public string[] ErrLines => Err.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}

/// <summary>Runs the `iopf` command line in-process with captured output.</summary>
internal static class IopfCli
{
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>`iopf run` of one world against the tests' own plan, with a small fixed budget.</summary>
    public static CliResult RunWorld(Sandbox sandbox, string world, string? mutant, params string[] more)
    {
        var args = new List<string> { "run", "--plan", Repo.TestPlan, "--world", world, "--iterations", "50", "--seed", "7", "--out", sandbox.Out };
        if (mutant is not null)
        {
            args.AddRange(["--mutant", mutant]);
        }

        args.AddRange(more);
        return Run([.. args]);
    }
}
