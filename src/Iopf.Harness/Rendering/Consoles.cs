using Spectre.Console;

namespace Iopf.Harness.Rendering;


/// <summary>
/// Spectre consoles over the writer the CLI was given: the real terminal keeps colours and live progress;
/// any other writer (a test's StringWriter, a redirected stream) gets plain, wide, non-interactive text.
/// </summary>
public static class Consoles
{
    public static IAnsiConsole Over(CliOutput output)
    {
        var (writer, terminal) = output;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // Wide enough that the verdict table never wraps in logs and snapshots.
            console.Profile.Width = 200;
        }

        return console;
    }
}
