using System.Text;
using System.Text.Json;

namespace Iopf.Harness.Output;

/// <summary>
/// Commits several files as one change. First every new file is written to a temporary name beside its
/// target (a failure here removes the temporaries and leaves the folder as it was). Then a journal listing
/// every rename is written (atomically, by rename), the renames are done, and the journal is removed. A
/// failure during the renames undoes them and restores the old files from their backups. A process killed
/// during the renames leaves the journal: <see cref="Recover"/> (run by the next commit into the folder)
/// finishes them, so the folder is the old state or the new one, never a mix.
/// </summary>
/// <param name="removals">Old files the new state does not have (a superseded report, rewritten at its new place).</param>
public sealed class OutputTransaction(string root, IReadOnlyList<(string Path, string Text)> files, IReadOnlyList<(string From, string To)> moves, IReadOnlyList<string> removals)
{
    public const string JournalName = ".iopf-commit.json";

    internal const string TemporarySuffix = ".iopf-tmp";

    private const string BackupSuffix = ".iopf-old";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public void Run()
    {
        Recover(root);
        if (files.Count == 0 && moves.Count == 0 && removals.Count == 0)
        {
            // Nothing to write: not even the folder is created.
            return;
        }

        foreach (var target in files.Select(f => f.Path).Concat(moves.Select(m => m.To)).Concat(removals))
        {
            if (Directory.Exists(target))
            {
                throw new OutputException($"cannot write {Shown(target)}: a directory of that name is in the way; nothing was written");
            }
        }

        var created = new List<string>();
        var temporaries = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var (path, text) in files)
            {
                CreateFolders(Path.GetDirectoryName(path)!, created);
                var temporary = TemporaryOf(path);
                temporaries.Add((temporary, path));
                File.WriteAllText(temporary, text, Utf8);
            }

            foreach (var (_, to) in moves)
            {
                CreateFolders(Path.GetDirectoryName(to)!, created);
            }

            WriteJournal(temporaries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            temporaries.ForEach(t => TryDelete(t.Temporary));
            RemoveFolders(created);
            throw new OutputException($"cannot write into {Shown(root)}: {OutputFolder.OneLine(e.Message)}; nothing was written");
        }

        Apply(temporaries, created);
    }

    private void Apply(List<(string Temporary, string Target)> temporaries, List<string> created)
    {
        var undo = new Stack<Action>();
        try
        {
            foreach (var (from, to) in moves)
            {
                File.Move(from, to);
                undo.Push(() => File.Move(to, from));
            }

            foreach (var removal in removals)
            {
                File.Move(removal, removal + BackupSuffix, overwrite: true);
                undo.Push(() => File.Move(removal + BackupSuffix, removal, overwrite: true));
            }

            foreach (var (temporary, target) in temporaries)
            {
                var backup = target + BackupSuffix;
                if (File.Exists(target))
                {
                    File.Move(target, backup, overwrite: true);
                    undo.Push(() => File.Move(backup, target, overwrite: true));
                }

                File.Move(temporary, target);
                undo.Push(() => File.Delete(target));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            while (undo.TryPop(out var step))
            {
                step();
            }

            temporaries.ForEach(t => TryDelete(t.Temporary));
            TryDelete(Path.Combine(root, JournalName));
            RemoveFolders(created);
            throw new OutputException($"cannot write into {Shown(root)}: {OutputFolder.OneLine(e.Message)}; the old files were restored");
        }

        foreach (var backup in temporaries.Select(t => t.Target).Concat(removals).Select(p => p + BackupSuffix))
        {
            TryDelete(backup);
        }

        File.Delete(Path.Combine(root, JournalName));
    }

    /// <summary>
    /// Finishes a commit a killed process left half done (its journal is there: every new file was complete
    /// before the journal was written, so going forward is always possible), and removes temporaries of a
    /// commit killed before its journal (the old state is still whole then).
    /// </summary>
    public static void Recover(string root)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        var journal = Path.Combine(root, JournalName);
        if (File.Exists(journal))
        {
            Journal entries;
            try
            {
                entries = JsonSerializer.Deserialize<Journal>(File.ReadAllText(journal)) ?? new Journal();
            }
            catch (JsonException)
            {
                // The journal is written whole and renamed into place, so a damaged one was edited by hand.
                throw new OutputException($"{Shown(journal)}: an unfinished commit's journal that cannot be read; check the folder and remove it");
            }

            foreach (var move in entries.Moves)
            {
                var (from, to) = (Path.Combine(root, move[0]), Path.Combine(root, move[1]));
                if (File.Exists(from) && !File.Exists(to))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                    File.Move(from, to);
                }
            }

            foreach (var removal in entries.Removals.Select(r => Path.Combine(root, r)))
            {
                TryDelete(removal);
                TryDelete(removal + BackupSuffix);
            }

            foreach (var rename in entries.Renames)
            {
                var (temporary, target) = (Path.Combine(root, rename[0]), Path.Combine(root, rename[1]));
                if (File.Exists(temporary))
                {
                    File.Move(temporary, target, overwrite: true);
                }

                TryDelete(target + BackupSuffix);
            }

            File.Delete(journal);
        }

        // The folder and its direct subfolders (mutants/, schedules/, superseded/) are where commands write;
        // deeper folders are not ours to sweep.
        foreach (var folder in Directory.EnumerateDirectories(root).Prepend(root).ToList())
        {
            foreach (var leftover in Directory.EnumerateFiles(folder, "*" + TemporarySuffix).Concat(Directory.EnumerateFiles(folder, "*" + BackupSuffix)).ToList())
            {
                TryDelete(leftover);
            }
        }
    }

    private void WriteJournal(List<(string Temporary, string Target)> temporaries)
    {
        var journal = new Journal
        {
            Moves = [.. moves.Select(m => new[] { Relative(m.From), Relative(m.To) })],
            Renames = [.. temporaries.Select(t => new[] { Relative(t.Temporary), Relative(t.Target) })],
            Removals = [.. removals.Select(Relative)],
        };
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, JournalName);
        File.WriteAllText(path + TemporarySuffix, JsonSerializer.Serialize(journal), Utf8);
        File.Move(path + TemporarySuffix, path, overwrite: true);
    }

    // Relative to the out folder, so a folder moved while a commit was pending still recovers.
    private string Relative(string path) => Path.GetRelativePath(root, path);

    private static string TemporaryOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}{TemporarySuffix}");

    private static void CreateFolders(string folder, List<string> created)
    {
        var missing = new Stack<string>();
        for (var path = folder; !string.IsNullOrEmpty(path) && !Directory.Exists(path); path = Path.GetDirectoryName(path))
        {
            missing.Push(path);
        }

        while (missing.TryPop(out var path))
        {
            Directory.CreateDirectory(path);
            created.Add(path);
        }
    }

    private static void RemoveFolders(List<string> created)
    {
        foreach (var folder in Enumerable.Reverse(created))
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not empty (someone else wrote into it): leave it.
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort while cleaning up after another failure.
        }
    }

    private static string Shown(string path) => Rendering.DisplayPath.Of(path);

    private sealed class Journal
    {
        public List<string[]> Moves { get; set; } = [];

        public List<string[]> Renames { get; set; } = [];

        public List<string> Removals { get; set; } = [];
    }
}
