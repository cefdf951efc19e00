using System.Globalization;
using System.Xml.Linq;
using Iopf.Harness.Running;
using Iopf.Specs.Properties;

namespace Iopf.Harness.Reports;

/// <summary>
/// The run as JUnit XML, which CI systems display natively: one test suite per world, one test case per
/// property, a failure element carrying the verdict and the replay command where the property was violated,
/// and a skipped element for the properties the search stopped checking at that violation.
/// </summary>
public static class JUnitReport
{
    public static string Render(IReadOnlyList<WorldResult> results, string outDirectory)
    {
        var suites = new XElement("testsuites", new XAttribute("name", Cli.Name));
        foreach (var r in results)
        {
            var name = r.Run.World.Name;

            // A failure that is no property's (an exception in a party) still needs a failing test case.
            IEnumerable<string> cases = r.Outcome.ViolatedProperty is { } violated && !PropertySet.Names.Contains(violated)
                ? [.. PropertySet.Names, violated]
                : PropertySet.Names;
            var suite = new XElement(
                "testsuite",
                new XAttribute("name", name),
                new XAttribute("tests", cases.Count()),
                new XAttribute("failures", r.Outcome.Holds ? 0 : 1),
                new XAttribute("skipped", cases.Count(p => Skipped(r, p))),
                new XAttribute("time", Seconds(r.Elapsed)));
            foreach (var property in cases)
            {
                var testcase = new XElement("testcase", new XAttribute("classname", name), new XAttribute("name", property));
                if (r.Outcome.ViolatedProperty == property)
                {
                    var replay = r.ScheduleFileName is { } schedule ? $"\nreplay: {Cli.Name} replay {Path.Combine(outDirectory, schedule)}" : string.Empty;
                    testcase.Add(new XElement("failure", new XAttribute("message", r.Outcome.Verdict ?? property), (r.Outcome.Verdict ?? string.Empty) + replay));
                }
                else if (Skipped(r, property))
                {
                    testcase.Add(new XElement("skipped", new XAttribute("message", $"not checked further: the search stopped at the {r.Outcome.ViolatedProperty} violation")));
                }

                suite.Add(testcase);
            }

            suite.Add(new XElement("system-out", $"iterations {r.Outcome.IterationsRun}/{r.Run.Budget.Iterations}, seed {r.Run.Budget.Seed}, mutants: {string.Join(",", r.Run.World.Mutants.Select(m => m.Name).Order(StringComparer.Ordinal))}"));
            suites.Add(suite);
        }

        suites.Add(
            new XAttribute("tests", suites.Elements("testsuite").Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", results.Count(r => !r.Outcome.Holds)),
            new XAttribute("skipped", suites.Elements("testsuite").Sum(s => (int)s.Attribute("skipped")!)));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
        return document.Declaration + "\n" + document + "\n";
    }

    private static bool Skipped(WorldResult result, string property) =>
        PropertySet.Names.Contains(property) && PropertyVerdicts.Of(result, property) == PropertyVerdict.NotCheckedFurther;

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
