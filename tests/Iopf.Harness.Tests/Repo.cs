namespace Iopf.Harness.Tests;

/// <summary>Files of the repository (coyote.json, the built model) found from the test's output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string CoyoteJson => Path.Combine(Root, "coyote.json");

    /// <summary>The tests' own plan (fixed budgets), so the repository's coyote.json can change without moving snapshots.</summary>
    public static string TestPlan => Path.Combine(AppContext.BaseDirectory, "coyote.test.json");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verification.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Verification.sln not found above " + AppContext.BaseDirectory);
    }
}
