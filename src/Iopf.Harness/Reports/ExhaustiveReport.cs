using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Iopf.Exhaustive;
using Iopf.Protocol.Coverage;

namespace Iopf.Harness.Reports;

/// <summary>
/// `exhaustive --report`: iopf-exhaustive.json (per world: verdict, counts, every coverage point reached or not, the violation and its schedule
/// file; wall-clock values only under "timings") and iopf-exhaustive-junit.xml (one case per world: a failure
/// for a violation, skipped when a bound stopped the search, since nothing was proven then).
/// </summary>
public static class ExhaustiveReport
{
    public const string JsonFileName = "iopf-exhaustive.json";

    public const string JUnitFileName = "iopf-exhaustive-junit.xml";

    public static string Json(IReadOnlyList<(string Name, ExhaustiveResult Result, string? Schedule)> results, string fingerprint)
    {
        var worlds = new JsonArray();
        var timings = new JsonObject();
        foreach (var (name, r, schedule) in results)
        {
            var entry = new JsonObject
            {
                ["name"] = name,
                ["verdict"] = Verdict(r),
                ["complete"] = r.Complete,
                ["bound"] = r.Bound,
                ["states"] = r.States,
                ["transitions"] = r.Transitions,
                ["depth"] = r.MaxDepth,
                ["coverage"] = Coverage(r),
            };
            if (r.Violation is { } v)
            {
                entry["violation"] = new JsonObject { ["property"] = v.Property, ["kind"] = v.Kind.ToString(), ["verdict"] = v.Verdict, ["steps"] = v.Length, ["schedule"] = schedule };
            }

            worlds.Add(entry);
            timings[name] = Math.Round(r.Elapsed.TotalSeconds, 3);
        }

        var report = new JsonObject { ["tool"] = Cli.Name, ["engine"] = "exhaustive", ["engineFingerprint"] = fingerprint, ["worlds"] = worlds, ["timings"] = timings };
        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    public static string JUnit(IReadOnlyList<(string Name, ExhaustiveResult Result, string? Schedule)> results)
    {
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", "iopf exhaustive"),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", results.Count(r => r.Result.Violation is not null)),
            new XAttribute("skipped", results.Count(r => Verdict(r.Result) == "incomplete")));
        foreach (var (name, r, schedule) in results)
        {
            var test = new XElement("testcase", new XAttribute("classname", "exhaustive"), new XAttribute("name", name));
            if (r.Violation is { } v)
            {
                test.Add(new XElement("failure", new XAttribute("message", $"{v.Property} violated ({v.Kind}): {v.Verdict}"), $"schedule: {schedule}"));
            }
            else if (!r.Complete)
            {
                test.Add(new XElement("skipped", new XAttribute("message", $"stopped at {r.Bound}: no verdict")));
            }

            suite.Add(test);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite)).ToString() + "\n";
    }

    // Every point, reached or not, so a report alone gives the points-by-worlds matrix.
    private static JsonObject Coverage(ExhaustiveResult r)
    {
        var coverage = new JsonObject();
        foreach (var kind in Enum.GetValues<CoverageKind>())
        {
            var points = new JsonObject();
            foreach (var point in CoveragePoint.All.Where(p => p.Kind == kind))
            {
                points[point.Name] = r.Reached.Contains(point);
            }

            coverage[kind.ToString().ToLowerInvariant()] = points;
        }

        return coverage;
    }

    private static string Verdict(ExhaustiveResult r) => r.Violation is not null ? "violated" : r.Complete ? "holds" : "incomplete";
}
