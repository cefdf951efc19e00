using System.Globalization;
using Iopf.Invariants;
using Spectre.Console;

namespace Iopf.Harness.Rendering;

/// <summary>
/// The Z3 results as one table per group (the model's own descriptors and rings first, then each IOMMU
/// family), so a platform engineer finds their family's formats together, with the closing count line.
/// </summary>
public static class InvariantTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<InvariantResult> results)
    {
        foreach (var group in results.GroupBy(r => r.Group))
        {
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(group.Key)).AddColumns("Invariant", "Expected", "Outcome", "ms", "Counterexample / error");
            foreach (var r in group)
            {
                var outcome = r.AsExpected ? r.Outcome.ToString() : $"[red]{r.Outcome} (UNEXPECTED)[/]";
                var detail = r.Counterexample ?? r.Error ?? string.Empty;
                table.AddRow(Markup.Escape(r.Name), r.Expected.ToString(), outcome, r.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture), Markup.Escape(detail));
            }

            console.Write(table);
        }

        var invariants = results.Where(r => r.Expected == Expectation.Proved).ToList();
        var twins = results.Where(r => r.Expected == Expectation.Refuted).ToList();
        console.WriteLine(
            $"{invariants.Count(r => r.AsExpected)} of {invariants.Count} invariants proved for all values, {twins.Count(r => r.AsExpected)} of {twins.Count} broken twins refuted with a counterexample; {results.Count(r => !r.AsExpected)} unexpected.");
    }
}
