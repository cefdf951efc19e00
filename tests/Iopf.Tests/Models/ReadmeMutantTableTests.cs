using Iopf.Worlds.Mutants;

namespace Iopf.Tests.Models;

/// <summary>
/// The README's mutant table is the mutant table (src/Iopf.Worlds/Mutants/MutantTable.cs) rendered, row for
/// row: a relabelled property, a new mutant or a moved pin that the README does not show fails here, with the
/// table to paste in the message.
/// </summary>
public sealed class ReadmeMutantTableTests
{
    private const string Header = "| mutant | mechanism | decision.choice | caught by | exhaustively (world, steps) | sampled by Coyote (world) |";

    public static string Rendered() =>
        string.Join('\n', new[] { Header, "|---|---|---|---|---|---|" }.Concat(Mutant.All.Select(Row)));

    [Fact]
    public void The_readme_shows_every_row_of_the_mutant_table()
    {
        var readme = File.ReadAllText(RepoFiles.PathOf("README.md")).ReplaceLineEndings("\n");
        var expected = Rendered();
        Assert.True(readme.Contains(expected, StringComparison.Ordinal), "README.md's mutant table is stale; it should read:\n" + expected);
    }

    [Fact]
    public void Every_mutant_names_the_mechanism_it_breaks()
    {
        Assert.All(Mutant.All, m => Assert.False(string.IsNullOrEmpty(m.Area)));
        Assert.Equal("posted writes in flight", Mutant.Find("InvalidationCompletionOvertakesWrites")!.Area);
        Assert.Equal("interrupt semantics", Mutant.Find("OneFaultPerInterrupt")!.Area);
    }

    private static string Kind(string kind) => kind == "QuiescentWithObligation" ? "quiescent" : kind.ToLowerInvariant();

    private static string Row(Mutant m)
    {
        var caught = m.Witness ? $"{m.Property} (witness)" : m.Property;
        var sampled = m.BeyondSampling is null ? $"{m.World}: yes" : $"{m.World}: no: see BeyondSampling";
        return $"| {m.Name} | {m.Area} | {m.Mechanism} | {caught} | {m.Exhaustive.World}, {m.Exhaustive.Length} ({Kind(m.Exhaustive.Kind)}) | {sampled} |";
    }
}
