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
        return Cli.Run(args, stdout, Console.Error, terminal);
    }
}
