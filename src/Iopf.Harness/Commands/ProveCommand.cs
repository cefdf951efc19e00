using System.CommandLine;
using System.Globalization;
using Iopf.Harness.Rendering;
using Iopf.Invariants;
using Spectre.Console;

namespace Iopf.Harness.Commands;

/// <summary>`iopf prove`: runs the Z3 descriptor invariants (each must be proved) and their broken twins (each must be refuted).</summary>
public static class ProveCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("prove", "Prove the descriptor invariants with Z3 and refute their broken twins (needs libz3)");
        command.SetAction(_ =>
        {
            var console = Consoles.Over(output);
            var results = InvariantSuite.CheckAll();
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Invariant", "Expected", "Outcome", "ms", "Counterexample / error");
            foreach (var r in results)
            {
                var outcome = r.AsExpected ? r.Outcome.ToString() : $"[red]{r.Outcome} (UNEXPECTED)[/]";
                var detail = r.Counterexample ?? r.Error ?? string.Empty;
                table.AddRow(Markup.Escape(r.Name), r.Expected.ToString(), outcome, r.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture), Markup.Escape(detail));
            }

            console.Write(table);
            var unexpected = results.Count(r => !r.AsExpected);
            console.WriteLine($"{results.Count(r => r.Expected == Expectation.Proved)} invariants proved for all values, {results.Count(r => r.Expected == Expectation.Refuted)} broken twins refuted with a counterexample; {unexpected} unexpected.");
            return unexpected == 0 ? ExitCodes.Holds : ExitCodes.Violated;
        });
        return command;
    }
}
