using Iopf.Worlds.Plan;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Iopf.Harness.Rendering;
using Iopf.Harness.Running;
using Iopf.Models.Exploration;
using Iopf.Specs.Properties;
using Spectre.Console;

namespace Iopf.Harness.Tests;

/// <summary>
/// A search that stops at the first violation says nothing about the other properties: every report says
/// "not checked further" (JUnit: skipped), never "holds"; and the verdict table stays readable at 80 columns.
/// </summary>
[Collection(HarnessCollection.Name)]
public sealed class HonestVerdictTests : IDisposable
{
    private readonly Sandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public void After_a_violation_the_other_properties_are_not_checked_further_in_every_report()
    {
        var result = IopfCli.RunWorld(sandbox, "SingleFault", "VmmCopiesTwice", "--report", "junit", "--report", "json");

        Assert.Equal(ExitCodes.Violated, result.ExitCode);
        var others = PropertySet.Names.Count - 1;
        Assert.Contains($"NoDoubleCopy VIOLATED; {others} not checked further", result.Out);

        var junit = XDocument.Load(Path.Combine(sandbox.Out, "iopf-junit.xml"));
        var skipped = junit.Descendants("testcase").Where(c => c.Element("skipped") is not null).Select(c => (string)c.Attribute("name")!);
        Assert.Equal(PropertySet.Names.Where(p => p != "NoDoubleCopy"), skipped);
        Assert.Equal(others.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)junit.Root!.Attribute("skipped")!);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(sandbox.Out, "iopf-report.json")))!;
        var verdicts = json["worlds"]![0]!["properties"]!.AsArray().Select(p => ((string)p!["name"]!, (string)p["verdict"]!));
        Assert.Equal(PropertySet.Names.Select(p => (p, p == "NoDoubleCopy" ? "violated" : "not checked further")), verdicts);
    }

    [Fact]
    public void The_verdict_table_fits_80_columns_without_breaking_names_or_counts()
    {
        var plan = PlanReader.Load(Repo.TestPlan);
        var runs = RunPlanner.Plan(plan, [plan.Resolve("AtcInvalidationRacesCompletion"), plan.Resolve("SingleFault")], ["VmmCopiesTwice"], new BudgetOverrides(null, 20, 7, null));
        using var writer = new StringWriter();
        var console = Consoles.Over(new CliOutput(writer, false));
        console.Profile.Width = 80;
        var results = RunSession.Execute(runs, 1, console);

        console.Write(VerdictTable.Build(results));

        var lines = writer.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, line));
        var text = writer.ToString();
        Assert.DoesNotContain("…", text);
        Assert.Contains("AtcInvalidationRacesCompletion", text);
        Assert.Contains("Iterations", text);
        Assert.Contains("NoDoubleCopy", text);
        foreach (var result in results)
        {
            Assert.Contains($"{result.Outcome.IterationsRun}/20", text);
        }
    }
}
