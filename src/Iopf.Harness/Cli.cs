using System.CommandLine;
using Iopf.Harness.Commands;
using Iopf.Harness.Rendering;
using Iopf.Models.Entry;
using Iopf.Models.Tracing;
using Iopf.Worlds.Reading;

namespace Iopf.Harness;

/// <summary>
/// The command line: builds the command tree, turns every refusal into one line on stderr with exit code 2,
/// and catches anything unexpected the same way (type and message, no stack trace).
/// </summary>
public static class Cli
{
    public const string Name = "iopf";

    /// <summary>Runs one command line. terminal: output is an interactive terminal (colours, live progress).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool terminal = false)
    {
        try
        {
            var root = BuildRoot(new CliOutput(output, terminal));
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // System.CommandLine would print every error plus the whole help text; one line is enough.
                var command = parsed.CommandResult.Command;
                var path = command == root ? Name : $"{Name} {command.Name}";
                error.WriteLine($"{Name}: {string.Join("; ", parsed.Errors.Select(e => OneLine(e.Message)))} (see '{path} --help')");
                return ExitCodes.BadInput;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is UsageException or Output.OutputException or DataFileException or WorldNotSelectedException or ScheduleException or UnknownNameException or Iopf.Worlds.Mutants.ConflictingMutantsException or Iopf.Invariants.Z3Native.Z3NotFoundException)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            error.WriteLine($"{Name}: unexpected {e.GetType().Name}: {OneLine(e.Message)}");
            return ExitCodes.BadInput;
        }
    }

    private static RootCommand BuildRoot(CliOutput output)
    {
        var root = new RootCommand("Model checker harness for I/O page fault handling (Coyote systematic testing of the IOPF model).");
        root.Subcommands.Add(VerifyCommand.Create(output));
        root.Subcommands.Add(RunCommand.Create(output));
        root.Subcommands.Add(ReplayCommand.Create(output));
        root.Subcommands.Add(TraceCommand.Create(output));
        root.Subcommands.Add(ListCommand.Create(output));
        root.Subcommands.Add(ProveCommand.Create(output));
        root.Subcommands.Add(LayoutCommand.Create(output));
        root.Subcommands.Add(MutantsCommand.Create(output));
        root.Subcommands.Add(MatrixCommand.Create(output));
        root.Subcommands.Add(ExhaustiveCommand.Create(output));
        root.Subcommands.Add(CoverageCommand.Create(output));
        return root;
    }

    // Some of System.CommandLine's messages list choices one per line, tab-indented.
    private static string OneLine(string message) =>
        string.Join(" ", message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
