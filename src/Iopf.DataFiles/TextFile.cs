using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Iopf.DataFiles;

/// <summary>
/// Reads a user's input file (a world, the plan, a schedule) as UTF-8 text, turning every way a path can fail
/// into one plain line: an empty path, a directory, a symbolic link that loops or points nowhere, a missing
/// file, a file too large to be what it claims, NUL bytes (UTF-16 without a byte order mark), bytes that are
/// not UTF-8. Without these checks the user would see "file not found" for a directory, .NET's own IOException
/// text for a link loop, or silently replaced characters for a Latin-1 file.
/// </summary>
public static class TextFile
{
    /// <param name="path">The path as the user gave it; messages name it so.</param>
    /// <param name="what">What the file should be ("world", "plan", "schedule").</param>
    /// <param name="maxBytes">Larger files are refused before they are read.</param>
    public static string Read(string path, string what, long maxBytes)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DataFileException($"the path of the {what} file is empty");
        }

        if (Directory.Exists(path))
        {
            throw new DataFileException($"{path}: is a directory, not a {what} file");
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            FileSystemInfo? final;
            try
            {
                final = info.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException)
            {
                // The kernel's ELOOP: the link leads back to itself.
                throw new DataFileException($"{path}: a symbolic link that loops back on itself, not a {what} file");
            }

            if (final is null || !final.Exists)
            {
                throw new DataFileException($"{path}: a symbolic link to {target}, which does not exist");
            }
        }

        if (!info.Exists)
        {
            throw new DataFileException($"{path}: {what} file not found");
        }

        if (info.Length > maxBytes)
        {
            throw new DataFileException($"{path}: {info.Length} bytes; a {what} file may have at most {maxBytes}");
        }

        byte[] bytes;
        try
        {
            bytes = ReadAtMost(path, what, maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException($"{path}: cannot be read ({e.Message.Replace($" : '{Path.GetFullPath(path)}'", string.Empty, StringComparison.Ordinal).TrimEnd('.')})");
        }

        return Decode(bytes, path, what);
    }

    // A device (/dev/zero, a pipe) reports length 0 and may never end: File.ReadAllBytes would run out of memory.
    private static byte[] ReadAtMost(string path, string what, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new DataFileException($"{path}: more than {maxBytes} bytes; a {what} file may have at most {maxBytes}");
            }
        }

        return buffer.ToArray();
    }

    private static string Decode(byte[] bytes, string path, string what)
    {
        ReadOnlySpan<byte> span = bytes;
        string text;
        if (span is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            // UTF-16 with its byte order mark is unambiguous, and editors on Windows write it: read it.
            text = (span[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(span[2..]);
        }
        else
        {
            if (span is [0xEF, 0xBB, 0xBF, ..])
            {
                span = span[3..];
            }

            var chars = new char[span.Length];
            if (Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                throw new DataFileException($"{path}:{span[..read].Count((byte)'\n') + 1}: not UTF-8 text (byte 0x{span[read]:X2} at offset {read}); save the {what} file as UTF-8");
            }

            text = new string(chars, 0, written);
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0
            ? text
            : throw new DataFileException($"{path}:{text.AsSpan(0, nul).Count('\n') + 1}: contains a NUL byte; a {what} file is UTF-8 text (UTF-16 without a byte order mark?)");
    }
}
