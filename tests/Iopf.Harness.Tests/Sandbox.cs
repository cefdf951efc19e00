namespace Iopf.Harness.Tests;

/// <summary>A fresh temporary directory per test, deleted afterwards; Files() tells what a command left in it.</summary>
internal sealed class Sandbox : IDisposable
{
    public Sandbox() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "iopf-tests", Guid.NewGuid().ToString("N"));

    public string Out => Path.Combine(Root, "out");

    public string PathOf(string name) => Path.Combine(Root, name);

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every file under the sandbox, relative and sorted.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
