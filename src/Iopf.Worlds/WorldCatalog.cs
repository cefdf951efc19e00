using System.Reflection;
using Iopf.Worlds.Reading;

namespace Iopf.Worlds;

/// <summary>
/// The built-in worlds: the repository's worlds/*.json, embedded in this assembly so every engine finds them
/// wherever it runs (`dotnet coyote test` loads the models assembly from its build folder). A user's world is
/// a file of the same format anywhere, named by its path.
/// </summary>
public static class WorldCatalog
{
    private const string Prefix = "worlds/";

    /// <summary>Every built-in world, by name in ordinal order (a stable order for every report).</summary>
    public static IReadOnlyList<WorldDefinition> BuiltIn { get; } = LoadBuiltIn();

    public static WorldDefinition? Find(string name) =>
        BuiltIn.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal));

    /// <summary>A path (it ends in .json or names a folder) rather than the name of a built-in world.</summary>
    public static bool IsPath(string text) =>
        text.EndsWith(".json", StringComparison.Ordinal) || text.Contains('/') || text.Contains('\\');

    /// <summary>
    /// A built-in world by name, or a world file by path (relative paths against baseDirectory, else the
    /// current directory). Every problem is a one-line <see cref="DataFileException"/>.
    /// </summary>
    public static WorldDefinition Resolve(string nameOrPath, string? baseDirectory = null)
    {
        if (IsPath(nameOrPath))
        {
            var path = baseDirectory is null || Path.IsPathRooted(nameOrPath) ? nameOrPath : Path.Combine(baseDirectory, nameOrPath);
            return WorldReader.Load(path);
        }

        return Find(nameOrPath) ?? throw new DataFileException(
            $"unknown world '{nameOrPath}'; built-in worlds: {string.Join(", ", BuiltIn.Select(w => w.Name))} (or give the path of a .json world file)");
    }

    private static List<WorldDefinition> LoadBuiltIn()
    {
        var assembly = typeof(WorldCatalog).Assembly;
        var worlds = new List<WorldDefinition>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var file = resource[Prefix.Length..];
            worlds.Add(WorldReader.Parse(reader.ReadToEnd(), $"worlds/{file}", file[..^".json".Length], WorldDefinition.BuiltInOrigin));
        }

        return worlds;
    }
}
