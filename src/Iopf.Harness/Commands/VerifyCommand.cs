using System.CommandLine;
using System.Globalization;
using Iopf.Exhaustive;
using Iopf.Harness.Output;
using Iopf.Harness.Rendering;
using Iopf.Harness.Running;
using Spectre.Console;

namespace Iopf.Harness.Commands;

/// <summary>
/// `iopf verify`, the main job: Z3 proves the descriptor invariants for all values, the exhaustive explorer
/// checks every interleaving of every small world, and Coyote samples every world. One table says, per
/// world, exactly what was established. Exit 0 when everything held, 1 on any violation, 2 on bad input,
/// 3 when nothing was violated but a bound (the plan's maxStates / maxDepth) cut an exhaustive search short.
/// </summary>
public static class VerifyCommand
{
    public static Command Create(CliOutput output)
    {
        var worlds = new WorldChoice();
        var mutants = new Option<string[]>("--mutant") { Description = "Mutant to switch on in every world (repeatable): shows what the checks catch", HelpName = "name" };
        var outDir = new Option<string>("--out", "-o") { Description = "Directory for counterexamples", DefaultValueFactory = _ => "out", HelpName = "dir" };
        var command = new Command("verify", "The main job: Z3 invariants, every small world exhaustively, every world sampled with Coyote");
        worlds.AddTo(command);
        command.Options.Add(mutants);
        command.Options.Add(outDir);
        command.SetAction(parsed =>
        {
            // Everything is checked before the first proof runs.
            var plan = worlds.LoadPlan(parsed);
            var chosen = worlds.Named(parsed, plan) ?? plan.Worlds;
            var runs = RunPlanner.Plan(plan, chosen, parsed.GetValue(mutants) ?? [], new BudgetOverrides(null, null, null, null));
            var directory = parsed.GetValue(outDir)!;
            OutputFolder.Check(directory, "--out");
            var defaults = new ExhaustiveOptions();
            var options = defaults with { MaxStates = plan.MaxStates ?? defaults.MaxStates, MaxDepth = plan.MaxDepth };

            // A missing libz3 is a setup problem like a bad path: refused before the first progress line.
            Iopf.Invariants.Z3Native.Z3Library.EnsureLoaded();

            var console = Consoles.Over(output);
            var proof = VerifySession.Prove(console);
            var explored = runs.Select(r => (r.World, Verdict: VerifySession.Explore(r.World, options, console))).ToList();
            console.WriteLine($"verify: sampling {runs.Count} worlds with Coyote");
            var sampled = RunSession.Execute(runs, 1, console);

            var files = new StagedFiles(directory);
            CounterexampleFiles.StageResults(files, directory, sampled);
            files.Commit();
            if (sampled.Count < runs.Count)
            {
                foreach (var line in files.Summary())
                {
                    output.Writer.WriteLine(line);
                }

                output.Writer.WriteLine($"interrupted: {sampled.Count} of {runs.Count} worlds sampled and written; nothing is verified");
                return ExitCodes.Interrupted;
            }

            console.WriteLine();
            console.WriteLine(proof.Ok
                ? $"Z3: {proof.Proved} descriptor invariants proved for all values; {proof.Refuted} broken twins refuted ({proof.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)"
                : $"Z3: {proof.Unexpected} invariants did NOT come out as expected: run `iopf prove`");
            var table = new Table().Border(TableBorder.Rounded).AddColumns("world", "every interleaving", "sampled with Coyote");
            for (var i = 0; i < runs.Count; i++)
            {
                var verdict = explored[i].Verdict;
                table.AddRow(
                    Markup.Escape(runs[i].World.Name),
                    verdict.Ok ? Markup.Escape(verdict.Words) : $"[red]{Markup.Escape(verdict.Words)}[/]",
                    Sampled(sampled[i]));
            }

            console.Write(table);
            foreach (var (world, verdict) in explored.Where(e => e.Verdict.Reproduce is not null))
            {
                output.Writer.WriteLine($"{world.Name}: shortest path to the violation: {verdict.Reproduce}");
            }

            foreach (var line in VerdictTable.ViolationLines(sampled, directory))
            {
                output.Writer.WriteLine(line);
            }

            // A world's coverage is what either engine reached in it.
            var reached = runs.Select((r, i) => (r.World.Name, (IReadOnlyList<Protocol.Coverage.CoveragePoint>)[.. (explored[i].Verdict.Result?.Reached ?? []).Union(sampled[i].Outcome.Reached).Order()]));
            foreach (var line in CoverageLines.For([.. reached]))
            {
                output.Writer.WriteLine(line);
            }

            var small = explored.Count(e => e.Verdict.Result is not null);
            var states = explored.Sum(e => (long)(e.Verdict.Result?.States ?? 0));
            var schedules = sampled.Sum(s => (long)s.Outcome.IterationsRun);
            // A bounded search that found nothing is not a violation, but it is not a verification either.
            var incomplete = explored.Any(e => e.Verdict.Incomplete);
            var failed = !proof.Ok || explored.Any(e => !e.Verdict.Ok && !e.Verdict.Incomplete) || sampled.Any(s => !s.Outcome.Holds);
            var word = failed ? "NOT verified" : incomplete ? "NOT verified (incomplete)" : "verified";
            console.WriteLine($"{word}: {small} of {runs.Count} worlds explored exhaustively ({states:N0} states), {runs.Count} sampled ({schedules:N0} {(schedules == 1 ? "schedule" : "schedules")}).");
            foreach (var line in files.Summary())
            {
                output.Writer.WriteLine(line);
            }

            return failed ? ExitCodes.Violated : incomplete ? ExitCodes.Incomplete : ExitCodes.Holds;
        });
        return command;
    }

    private static string Sampled(WorldResult result)
    {
        var outcome = result.Outcome;
        if (outcome.Holds)
        {
            return Markup.Escape($"no violation in {outcome.IterationsRun:N0} sampled schedules");
        }

        // The file name only, so the column stays narrow; the full paths follow the table.
        var where = result.ScheduleFileName is { } name ? $" (trace at {CounterexampleFiles.BaseOf(name)}.counterexample.txt)" : string.Empty;
        return $"[red]{Markup.Escape($"violated: {outcome.ViolatedProperty}{where}")}[/]";
    }
}
