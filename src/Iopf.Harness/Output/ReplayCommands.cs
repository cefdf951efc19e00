namespace Iopf.Harness.Output;

/// <summary>
/// The replay commands printed on stdout and in each counterexample's report, written so that they run
/// verbatim from one named folder: the repository root when this harness runs from its build output there
/// (the executables are at artifacts/bin/&lt;project&gt;/&lt;configuration&gt;/, the files are named relative to the
/// root), else the current folder. One folder for every path of a command, never a mix.
/// </summary>
public static class ReplayCommands
{
    private static readonly string? RepositoryRoot = FindRoot();

    // The configuration the harness was built in: a schedule replays only on the build it was recorded with.
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;

    /// <summary>Where the commands are to be pasted: "the repository root" or "the current folder".</summary>
    public static string From => RepositoryRoot is null ? "the current folder" : "the repository root";

    /// <summary>`iopf replay|trace &lt;schedule&gt;` through the built harness.</summary>
    public static string Iopf(string verb, string schedulePath) =>
        RepositoryRoot is null
            ? $"{Cli.Name} {verb} {Shown(schedulePath)}"
            : $"dotnet {Artifact("Iopf.Harness", "iopf.dll")} {verb} {Shown(schedulePath)}";

    /// <summary>Coyote's own replay of the raw trace, with the world and mutants the model reads from the environment.</summary>
    public static string Coyote(string worldArgument, IReadOnlyList<string> mutants, string coyoteTracePath)
    {
        var env = $"IOPF_WORLD={worldArgument} " + (mutants.Count == 0 ? string.Empty : $"IOPF_MUTANTS={string.Join(",", mutants)} ");
        return $"{env}dotnet coyote replay {Artifact("Iopf.Models", "Iopf.Models.dll")} {Shown(coyoteTracePath)} -m World";
    }

    /// <summary>A path as the commands name it: relative to the folder they run from (never absolute, so reports compare across machines).</summary>
    public static string Shown(string path) =>
        Path.GetRelativePath(RepositoryRoot ?? Environment.CurrentDirectory, Path.GetFullPath(path)).Replace('\\', '/');

    private static string Artifact(string project, string file) => $"artifacts/bin/{project}/{Configuration}/{file}";

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verification.sln")) && dir.Name != "artifacts")
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
