using System.Text;

namespace Iopf.Models.Reports;

/// <summary>
/// Writes report files so that a reader never sees half a file: each is written to a temporary name beside
/// its target and then moved over it. Text is UTF-8 without BOM with \n line ends, so outputs compare byte for byte.
/// </summary>
public static class AtomicFiles
{
    public static IReadOnlyList<string> WriteAll(string directory, IEnumerable<(string RelativePath, string Text)> files)
    {
        var written = new List<string>();
        foreach (var (relative, text) in files)
        {
            var target = Path.GetFullPath(Path.Combine(directory, relative));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = target + ".tmp";
            File.WriteAllText(temporary, text.ReplaceLineEndings("\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, target, overwrite: true);
            written.Add(target);
        }

        return written;
    }
}
