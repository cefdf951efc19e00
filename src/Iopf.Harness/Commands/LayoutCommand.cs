using System.CommandLine;
using Iopf.Harness.Rendering;
using Iopf.Invariants;
using Iopf.Protocol.Descriptors;

namespace Iopf.Harness.Commands;

/// <summary>
/// `iopf layout &lt;file&gt;...`: reads a user's layout files (and pairing files naming them or built-in formats),
/// prints each format's field table as Markdown, and proves what is proved of every built-in format.
/// Every file is read and checked before Z3 starts, so a bad file costs one line and no proof time.
/// </summary>
public static class LayoutCommand
{
    public static Command Create(CliOutput output)
    {
        var files = new Argument<string[]>("file") { Arity = ArgumentArity.OneOrMore, Description = "Layout files (a format) or pairing files (\"request\", \"response\", \"echo\"), in any order" };
        var command = new Command("layout", "Print a descriptor layout file's field table and prove it with Z3 (round trip, disjoint fields, reserved bits, field ranges, request/response pairing)") { files };
        command.SetAction(parse =>
        {
            var (formats, pairings) = Read(parse.GetValue(files)!);
            var text = output.Writer;
            foreach (var format in formats)
            {
                text.Write(LayoutMarkdown.Table(format));
                text.WriteLine();
            }

            var invariants = formats.SelectMany(InvariantSuite.ForFormat).Concat(pairings.Select(p => new PairingPreservesIdentity(p))).ToList();
            var results = InvariantSuite.CheckAll(invariants);
            InvariantTable.Write(Consoles.Over(output), results);
            return results.All(r => r.AsExpected) ? ExitCodes.Holds : ExitCodes.Violated;
        });
        return command;
    }

    // Each file is read once. Formats first (a pairing may name a format given after it), then pairings against
    // them and the built-ins.
    private static (List<DescriptorFormat> Formats, List<FormatPairing> Pairings) Read(string[] paths)
    {
        var formats = new List<DescriptorFormat>();
        var pairingSources = new List<JsonSource>();
        try
        {
            foreach (var path in paths)
            {
                var source = JsonSource.Load(path, "layout");
                if (PairingReader.IsPairing(source))
                {
                    pairingSources.Add(source);
                    continue;
                }

                using (source)
                {
                    var format = FormatReader.Read(source);
                    if (formats.Any(f => f.Name == format.Name))
                    {
                        throw new DataFileException($"{path}: a second layout named {format.Name}");
                    }

                    formats.Add(format);
                }
            }

            DescriptorFormat? Find(string name) => formats.FirstOrDefault(f => f.Name == name) ?? FormatCatalog.Find(name);
            return (formats, [.. pairingSources.Select(s => PairingReader.Read(s, Find))]);
        }
        finally
        {
            pairingSources.ForEach(s => s.Dispose());
        }
    }
}
