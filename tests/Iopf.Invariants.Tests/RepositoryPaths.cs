namespace Iopf.Invariants.Tests;

/// <summary>Finds the repository from the test binary (artifacts/bin/...), so tests can read committed files.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SmtDirectory => Path.Combine(Root, "specs", "smt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verification.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Verification.sln above {AppContext.BaseDirectory}");
    }
}
