namespace Iopf.Invariants.Tests;

/// <summary>The committed specs/smt/*.smt2 are exactly what the generators produce today.</summary>
public sealed class SmtFilesTests
{
    // Set to 1 to rewrite the committed files after an intended change of a layout or invariant.
    private const string RegenerateVariable = "IOPF_REGENERATE_SMT";

    [Fact]
    public void Committed_smt_files_equal_freshly_generated_text()
    {
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            SmtFiles.Write(RepositoryPaths.SmtDirectory);
        }

        var expected = SmtFiles.Generate();
        var committed = Directory.GetFiles(RepositoryPaths.SmtDirectory, "*" + SmtFiles.Extension)
            .ToDictionary(p => Path.GetFileName(p), File.ReadAllText, StringComparer.Ordinal);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), committed.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in expected)
        {
            Assert.True(text == committed[name], $"specs/smt/{name} is stale: run {RegenerateVariable}=1 dotnet test tests/Iopf.Invariants.Tests");
        }
    }

    [Fact]
    public void Generated_text_is_deterministic_and_names_are_unique()
    {
        Assert.Equal(InvariantSuite.All.Count, InvariantSuite.All.Select(i => i.Name).Distinct().Count());
        var again = new LayoutRoundTrip(Protocol.Descriptors.Layouts.Fault).SmtText;
        Assert.Equal(InvariantSuite.Find("layout-round-trip-FaultDescriptor").SmtText, again);
    }
}
