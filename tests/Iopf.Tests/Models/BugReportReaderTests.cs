using Iopf.Models.Exploration;

namespace Iopf.Tests.Models;

public class BugReportReaderTests
{
    [Theory]
    [InlineData("[VmIsolation] P2 (Dma) for vm1:gpfn0 hit host frame 0", "VmIsolation")]
    [InlineData("Iopf.Specs.Monitors.EveryFaultCompleted detected liveness bug in hot state 'Owed' at the end of program execution.", "EveryFaultCompleted")]
    [InlineData("Iopf.Specs.Monitors.NoPayloadLost detected potential liveness bug in hot state 'Owed'.", "NoPayloadLost")]
    [InlineData("[NotAProperty] something", BugReportReader.ModelError)]
    [InlineData("Exception 'System.InvalidOperationException' was thrown in Vmm(4)", BugReportReader.ModelError)]
    public void Names_the_property_behind_a_bug_report(string report, string property) =>
        Assert.Equal(property, BugReportReader.PropertyOf(report));
}
