using System.Reflection;
using Iopf.DataFiles;

namespace Iopf.Protocol.Descriptors;

/// <summary>
/// The built-in descriptor formats: the repository's specs/layouts/&lt;family&gt;/*.json, embedded in this
/// assembly. The model's own three (family "model") are the layouts its rings use (<see cref="Layouts"/>);
/// the real IOMMU families' formats are proved by the Z3 suite. A user's layout file is read by
/// <see cref="FormatReader.Load"/>.
/// </summary>
public static class FormatCatalog
{
    private const string Prefix = "layouts/";

    private const string PairingFile = "/pairing.json";

    public const string ModelFamily = "model";

    /// <summary>Every built-in format, ordered by family then name (a stable order for every report).</summary>
    public static IReadOnlyList<DescriptorFormat> BuiltIn { get; } = LoadBuiltIn();

    /// <summary>The families in the catalogue's order, the model's own first (GroupBy keeps the order of first appearance).</summary>
    public static IReadOnlyList<string> Families { get; } = [.. BuiltIn.GroupBy(f => f.Family).Select(g => g.Key)];

    /// <summary>Every built-in pairing (specs/layouts/&lt;family&gt;/pairing.json), in family order.</summary>
    public static IReadOnlyList<FormatPairing> Pairings { get; } = LoadPairings();

    public static DescriptorFormat? Find(string name) =>
        BuiltIn.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    private static List<DescriptorFormat> LoadBuiltIn()
    {
        var formats = new List<DescriptorFormat>();
        foreach (var resource in Resources().Where(r => !r.EndsWith(PairingFile, StringComparison.Ordinal)))
        {
            var format = FormatReader.Parse(Text(resource), $"specs/{resource}");
            var folder = resource[Prefix.Length..resource.LastIndexOf('/')];
            if (format.Family != folder || $"{format.Name}.json" != resource[(resource.LastIndexOf('/') + 1)..])
            {
                // A built-in file in the wrong place would be found under the wrong family or name.
                throw new DataFileException($"specs/{resource}: a built-in layout lives in specs/layouts/<family>/<name>.json (family '{format.Family}', name '{format.Name}')");
            }

            formats.Add(format);
        }

        return [.. formats.OrderBy(f => f.Family == ModelFamily ? 0 : 1).ThenBy(f => f.Family, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static List<FormatPairing> LoadPairings() =>
        [.. Resources().Where(r => r.EndsWith(PairingFile, StringComparison.Ordinal))
            .Select(r => PairingReader.Parse(Text(r), $"specs/{r}", Find))
            .OrderBy(p => p.Request.Family, StringComparer.Ordinal)];

    private static IEnumerable<string> Resources() =>
        typeof(FormatCatalog).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static string Text(string resource)
    {
        using var stream = typeof(FormatCatalog).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
