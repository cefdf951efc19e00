using System.Runtime.InteropServices;
using Iopf.Harness.Running;

namespace Iopf.Harness;

/// <summary>The `iopf` executable: everything happens in <see cref="Cli"/>, which the tests call in-process.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Coyote's TestingEngine announces its iterations on Console.Out whatever the verbosity; the harness
        // speaks for itself, so the engine gets a null console and the harness keeps the real one.
        var stdout = Console.Out;
        var terminal = !Console.IsOutputRedirected;
        Console.SetOut(TextWriter.Null);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (Interruption.Request())
            {
                // The command stops by itself and writes what it finished (its progress display ends normally,
                // which shows the cursor again).
                context.Cancel = true;
            }
            else if (terminal)
            {
                // The process ends now: a live display may have hidden the cursor.
                stdout.Write("\u001b[?25h");
                stdout.Flush();
            }
        });
        return Cli.Run(args, stdout, Console.Error, terminal);
    }
}
