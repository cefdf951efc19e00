namespace Iopf.Harness.Rendering;

/// <summary>How a written file is named to the user: relative to the working folder when it lies below it, else in full.</summary>
public static class DisplayPath
{
    public static string Of(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);

        // "../../tmp/out/x" names the file no better than "/tmp/out/x" and is harder to paste from elsewhere.
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path) : relative;
    }
}
