using System.CommandLine;
using Iopf.Harness.Rendering;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;
using Iopf.Worlds.Sampling;
using Spectre.Console;

namespace Iopf.Harness.Commands;

/// <summary>`iopf list`: the worlds, designs, mutants, descriptor layouts and strategies the other commands accept, each with one line.</summary>
public static class ListCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("list", "List the built-in worlds, designs, mutants, descriptor layouts and exploration strategies");
        command.SetAction(_ =>
        {
            var console = Consoles.Over(output);
            console.Write(Listing("World", WorldCatalog.BuiltIn.Select(w => (w.Name, (w.IsSmall ? "[exhaustive] " : string.Empty) + w.Description))));
            console.Write(Listing("Design", Iopf.Protocol.Designs.DesignRegistry.All.Select(d => (d.Name, d.Summary))));
            console.Write(Listing("Mutant", Mutant.All.Select(m => (m.Name, $"{m.Description} ({m.Mechanism})"))));
            console.Write(Listing("Layout", Iopf.Protocol.Descriptors.FormatCatalog.BuiltIn.Select(f => (f.Name, LayoutSummary(f)))));
            console.Write(Listing("Strategy", StrategyNames.All.Select(s => (s, "Coyote's " + s + " scheduler (samples schedules; not exhaustive)"))));
            return ExitCodes.Holds;
        });
        return command;
    }

    /// <summary>e.g. "smmuv3 request, 128 bits (specs/layouts/smmuv3/Smmuv3PriqEntry.json)": what `iopf layout` takes a copy of.</summary>
    public static string LayoutSummary(Iopf.Protocol.Descriptors.DescriptorFormat f) =>
        $"{f.Family} {f.Role.ToString().ToLowerInvariant()}, {f.Layout.WidthBits} bits ({f.Origin})";

    private static Table Listing(string kind, IEnumerable<(string Name, string Summary)> rows)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn(kind).AddColumn("Summary");
        foreach (var (name, summary) in rows)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(summary));
        }

        return table;
    }
}
