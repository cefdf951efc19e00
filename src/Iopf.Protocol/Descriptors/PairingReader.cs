using Iopf.DataFiles;

namespace Iopf.Protocol.Descriptors;

/// <summary>
/// The one reader and validator of pairing files: the request and the response it pairs are formats known
/// by name (the built-in ones, or the files given with it), and each echo names a field the writer chooses in
/// the response and an existing field of the request. The first problem is one line naming file, line and key.
/// </summary>
public static class PairingReader
{
    public const int MaxEchoes = 64;

    public static FormatPairing Load(string path, Func<string, DescriptorFormat?> findFormat)
    {
        using var source = JsonSource.Load(path, "pairing");
        return Read(source, findFormat);
    }

    /// <summary>A pairing from a file already open.</summary>
    public static FormatPairing Read(JsonSource source, Func<string, DescriptorFormat?> findFormat) => Read(source.Root, source.Name, findFormat);

    /// <summary>Whether an open file is a pairing (it has "echo") rather than a layout.</summary>
    public static bool IsPairing(JsonSource source) =>
        source.Document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && source.Document.RootElement.TryGetProperty("echo", out _);

    public static FormatPairing Parse(string text, string sourceName, Func<string, DescriptorFormat?> findFormat)
    {
        using var source = JsonSource.Parse(text, sourceName);
        return Read(source.Root, sourceName, findFormat);
    }

    private static FormatPairing Read(JsonFields root, string origin, Func<string, DescriptorFormat?> findFormat)
    {
        _ = root.Has("$schema");
        var request = Format(root, "request", FormatRole.Request, findFormat);
        var response = Format(root, "response", FormatRole.Response, findFormat);
        var source = root.String("source", 1200) ?? throw root.Problem("source", "missing: the code or specification clause that builds the response");
        _ = root.String("notes", 2000);
        var echoObjects = root.Objects("echo", MaxEchoes) ?? throw root.Problem("echo", "missing: which response field is filled from which request field");
        var echoes = new List<Echo>();
        foreach (var e in echoObjects)
        {
            var to = Field(e, "response", response);
            var (field, bits) = Source(e, request);
            if (!to.IsChosen)
            {
                throw e.Problem("response", $"{response.Name}.{to.Name} is {to.Kind.ToString().ToLowerInvariant()}: the format fixes it, nothing is echoed into it");
            }

            if (echoes.Any(x => x.Response == to))
            {
                throw e.Problem("response", $"{response.Name}.{to.Name} is filled twice");
            }

            _ = e.String("note", 1000);
            e.RejectUnknownKeys();
            echoes.Add(new Echo(to, field, bits));
        }

        root.RejectUnknownKeys();
        return new FormatPairing($"{request.Name}To{response.Name}", request, response, echoes, source, origin);
    }

    private static DescriptorFormat Format(JsonFields root, string key, FormatRole role, Func<string, DescriptorFormat?> findFormat)
    {
        var name = root.String(key, 80) ?? throw root.Problem(key, $"missing: the name of the {key} format");
        var format = findFormat(name) ?? throw root.Problem(key, $"no layout named '{name}' (give its file too, or name a built-in layout)");
        return format.Role == role
            ? format
            : throw root.Problem(key, $"{name} is a {format.Role.ToString().ToLowerInvariant()} format, not a {role.ToString().ToLowerInvariant()}");
    }

    // A request field's name, or identity bits the request carries ("pasid" or "requesterId[16:23]").
    private static (BitField? Field, CarriedBits? Bits) Source(JsonFields e, DescriptorFormat request)
    {
        var text = e.String("from", 80) ?? throw e.Problem("from", $"missing: a field of {request.Name}, or identity bits it carries (e.g. pasid[0:19])");
        if (request.Layout.Fields.FirstOrDefault(f => f.Name == text) is { } field)
        {
            return (field, null);
        }

        var carried = FormatReader.ParseCarried(text) ?? throw e.Problem("from", $"{request.Name} has no field '{text}', and it is no identity (e.g. pasid[0:19]); its fields: {string.Join(", ", request.Layout.Fields.Select(f => f.Name))}");
        var carriedHigh = request.IdentityHighBit(carried.Identity);
        var high = carried.High < 0 ? carriedHigh : carried.High;
        return carriedHigh < 0 || high < carried.Low
            ? throw e.Problem("from", $"{request.Name} carries no bits of {carried.Identity}")
            : (null, carried with { High = high });
    }

    private static BitField Field(JsonFields e, string key, DescriptorFormat format)
    {
        var name = e.String(key, 80) ?? throw e.Problem(key, $"missing: a field of {format.Name}");
        return format.Layout.Fields.FirstOrDefault(f => f.Name == name)
            ?? throw e.Problem(key, $"{format.Name} has no field '{name}'; its fields: {string.Join(", ", format.Layout.Fields.Select(f => f.Name))}");
    }
}
