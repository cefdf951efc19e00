using System.Diagnostics;
using System.Text.Json.Nodes;
using Iopf.Harness.Output;

namespace Iopf.Harness.Tests;

/// <summary>
/// A run killed (SIGKILL) at any point while it replaces a complete older state of its out folder leaves the
/// folder, as the next command sees it (its commit first finishes or discards what a killed one left), either
/// the old complete state or the new complete state: never a mix. The kill points are a fixed list of delays
/// spread over start-up, exploration and the commit, so every run of the test tries the same ones.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class CrashSafetyTests : IDisposable
{
    private static readonly int[] KillAfterMilliseconds = [50, 150, 250, 350, 450, 550, 650, 750, 850, 950, 1100, 1300, 5000];

    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task A_killed_run_leaves_the_old_state_or_the_new_one()
    {
        string[] Run(string mutant) => ["run", "--plan", Repo.TestPlan, "--world", "SingleFault", "--world", "FaultBurst", "--mutant", mutant, "-i", "50", "--seed", "7", "--out", sandbox.Out, "--report", "json"];
        Assert.Equal(ExitCodes.Violated, await Finish(Apphost.Start(Run("VmmCopiesTwice"))));
        var fresh = State();
        Directory.Delete(sandbox.Out, recursive: true);
        Assert.Equal(ExitCodes.Violated, await Finish(Apphost.Start(Run("CompleteBeforeCopy"))));
        var old = State();
        Assert.NotEqual(old, fresh);

        var outcomes = new List<string>();
        foreach (var delay in KillAfterMilliseconds)
        {
            Restore(old);
            using var process = Apphost.Start(Run("VmmCopiesTwice"));
            var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            await Task.Delay(delay);
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It had finished already: the new state must then be complete.
            }

            await process.WaitForExitAsync();
            await drained;

            OutputTransaction.Recover(sandbox.Out);
            var state = State();
            var which = state.SequenceEqual(old) ? "old" : state.SequenceEqual(fresh) ? "new" : null;
            Assert.True(which is not null, $"killed after {delay} ms: a mix of states: {string.Join(", ", state.Select(s => s.Key))}");
            outcomes.Add(which!);
        }

        // Both sides are reached: start-up alone outlasts the first delays, and the last outlasts the whole run.
        Assert.Equal("old", outcomes[0]);
        Assert.Equal("new", outcomes[^1]);
    }

    private static async Task<int> Finish(Process process)
    {
        using (process)
        {
            await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
            return process.ExitCode;
        }
    }

    /// <summary>Every file of the out folder with its text; the report without its wall-clock "timings".</summary>
    private List<KeyValuePair<string, string>> State()
    {
        var files = new List<KeyValuePair<string, string>>();
        foreach (var path in Directory.EnumerateFiles(sandbox.Out, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            if (Path.GetFileName(path) == "iopf-report.json")
            {
                var report = JsonNode.Parse(text)!.AsObject();
                report.Remove("timings");
                text = report.ToJsonString();
                foreach (var world in report["worlds"]!.AsArray())
                {
                    // The report names only files that are there.
                    if (world!["violation"]?["schedule"] is JsonValue schedule)
                    {
                        Assert.True(File.Exists(Path.Combine(sandbox.Out, (string)schedule!)));
                    }
                }
            }

            files.Add(new(Path.GetRelativePath(sandbox.Out, path), text));
        }

        return files;
    }

    private void Restore(List<KeyValuePair<string, string>> state)
    {
        Directory.Delete(sandbox.Out, recursive: true);
        Directory.CreateDirectory(sandbox.Out);
        foreach (var (name, text) in state)
        {
            File.WriteAllText(Path.Combine(sandbox.Out, name), text);
        }
    }
}
