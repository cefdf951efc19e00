using System.CommandLine;
using Iopf.Harness.Rendering;
using Iopf.Invariants;

namespace Iopf.Harness.Commands;

/// <summary>`iopf prove`: runs the Z3 descriptor invariants (each must be proved) and their broken twins (each must be refuted), grouped per descriptor family.</summary>
public static class ProveCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("prove", "Prove the descriptor invariants with Z3 and refute their broken twins (needs libz3)");
        command.SetAction(_ =>
        {
            var results = InvariantSuite.CheckAll();
            InvariantTable.Write(Consoles.Over(output), results);
            return results.All(r => r.AsExpected) ? ExitCodes.Holds : ExitCodes.Violated;
        });
        return command;
    }
}
