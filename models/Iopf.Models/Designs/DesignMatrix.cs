using Iopf.Models.Exploration;
using Iopf.Worlds;
using Iopf.Worlds.Sampling;
using Iopf.Protocol.Designs;
using Iopf.Specs.Properties;

namespace Iopf.Models.Designs;

/// <summary>A verdict cell: the property holds, is violated (with where and the schedule), or does not apply.</summary>
public sealed record MatrixCell(string Property, string Status, string? World, string? Verdict, string? Schedule, string? Note)
{
    public const string Holds = "holds";
    public const string Violated = "violated";
    public const string NotApplicable = "not applicable";
}

/// <summary>What a design costs under the reference schedule, summed or maxed over the worlds.</summary>
public sealed record DesignCost(int StallSteps, int PeakHeld, double CopiesPerPayload, int WorldsNotComingToRest);

public sealed record DesignRow(FaultPathDesign Design, string Summary, IReadOnlyList<MatrixCell> Cells, DesignCost Cost);

public sealed record MatrixResult(IReadOnlyList<string> Worlds, ExplorationBudget Budget, IReadOnlyList<DesignRow> Rows);

/// <summary>
/// Explores every design under every world and judges each property. Coyote stops at the first bug of a
/// run, so once a property is seen violated its monitor is switched off and the world is explored again
/// for the remaining ones.
/// </summary>
public static class DesignMatrix
{
    public static MatrixResult Compute(IReadOnlyList<FaultPathDesign> designs, IReadOnlyList<WorldDefinition> worlds, ExplorationBudget budget, Action<string>? progress = null)
    {
        var rows = new List<DesignRow>();
        foreach (var design in designs)
        {
            var violations = new Dictionary<string, ExplorationOutcome>();
            var applicable = PropertySet.Names.Where(p => NotApplicable(design, p, worlds) is null).ToList();
            foreach (var world in worlds)
            {
                progress?.Invoke($"{design} × {world.Name}");
                var variant = world with { Config = world.Config with { Design = design } };
                var watched = applicable.Where(p => !violations.ContainsKey(p)).ToList();
                while (watched.Count > 0)
                {
                    var outcome = Explorer.Explore(variant, budget, properties: watched);
                    if (outcome.Holds || !watched.Contains(outcome.ViolatedProperty!))
                    {
                        break; // clean, or a model error: reported by the world runs, not a property verdict
                    }

                    violations[outcome.ViolatedProperty!] = outcome;
                    watched.Remove(outcome.ViolatedProperty!);
                }
            }

            var cells = PropertySet.Names.Select(p => Cell(design, p, worlds, violations)).ToList();
            rows.Add(new DesignRow(design, design.Summary, cells, Cost(design, worlds)));
        }

        return new MatrixResult(worlds.Select(s => s.Name).ToList(), budget, rows);
    }

    /// <summary>Why a property does not apply: the design's own reason, or that no world of the matrix exercises it (a VM teardown).</summary>
    private static string? NotApplicable(FaultPathDesign design, string property, IReadOnlyList<WorldDefinition> worlds) =>
        design.NotApplicable(property)
        ?? (PropertySet.TeardownOnly.Contains(property) && worlds.All(w => w.Config.TeardownVm is null) ? "no world of the matrix tears a VM down" : null);

    private static MatrixCell Cell(FaultPathDesign design, string property, IReadOnlyList<WorldDefinition> worlds, Dictionary<string, ExplorationOutcome> violations)
    {
        if (NotApplicable(design, property, worlds) is { } reason)
        {
            return new MatrixCell(property, MatrixCell.NotApplicable, null, null, null, reason);
        }

        var note = design.Scope(property);
        return violations.TryGetValue(property, out var o)
            ? new MatrixCell(property, MatrixCell.Violated, o.World, o.Verdict, o.ReproducibleTrace, note)
            : new MatrixCell(property, MatrixCell.Holds, null, null, null, note);
    }

    private static DesignCost Cost(FaultPathDesign design, IReadOnlyList<WorldDefinition> worlds)
    {
        var runs = worlds.Select(s => ReferenceRun.Run(s.Config with { Design = design })).ToList();
        var payloads = worlds.Sum(s => s.Config.Payloads.Length);
        var copies = runs.Sum(r => r.World.Vmm.Copies);
        return new DesignCost(
            runs.Sum(r => r.StallSteps),
            runs.Max(r => r.PeakHeld),
            payloads == 0 ? 0 : Math.Round((double)copies / payloads, 2),
            runs.Count(r => !r.Terminated));
    }
}
