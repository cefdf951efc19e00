using Iopf.Protocol.Designs;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Parties;
using Iopf.Specs.Properties;

namespace Iopf.Tests.Protocol;

/// <summary>The designs a world may name: one registration each, found by its exact name, the claimed one first.</summary>
public class DesignRegistryTests
{
    [Fact]
    public void Every_design_type_is_registered_once_under_its_own_name()
    {
        var types = typeof(FaultPathDesign).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(FaultPathDesign)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(types, DesignRegistry.All.Select(d => d.GetType().Name).Order(StringComparer.Ordinal));
        Assert.All(DesignRegistry.All, d => Assert.Equal(d.Name + "Design", d.GetType().Name));
        Assert.Equal(
            ["Claimed", "DropOnFault", "SkipToNextBuffer", "StallAndRetry", "CompletionInterrupt"],
            DesignRegistry.Names);
    }

    [Fact]
    public void A_design_is_found_by_its_exact_name_only()
    {
        Assert.Same(StallAndRetryDesign.Instance, DesignRegistry.Find("StallAndRetry"));
        Assert.Null(DesignRegistry.Find("stallandretry"));
        Assert.Null(DesignRegistry.Find("Unknown"));
        Assert.Equal("StallAndRetry", StallAndRetryDesign.Instance.ToString());
    }

    [Fact]
    public void Only_the_claimed_design_parks_payloads_in_fault_buffers()
    {
        Assert.Equal(["Claimed"], DesignRegistry.All.Where(d => d.UsesFaultBuffers).Select(d => d.Name));
    }

    [Fact]
    public void Only_stall_and_retry_stalls_the_whole_stream_while_a_fault_is_outstanding()
    {
        var faulted = new DeviceState();
        faulted.Outstanding[0] = new OutstandingFault(0, new Payload(0, 0, 0, 8), -1, 0);
        Assert.Equal(["StallAndRetry"], DesignRegistry.All.Where(d => d.HeadOfLineBlocked(faulted)).Select(d => d.Name));
        Assert.DoesNotContain(DesignRegistry.All, d => d.HeadOfLineBlocked(new DeviceState()));
    }

    [Fact]
    public void Only_drop_on_fault_leaves_properties_unjudged()
    {
        var unjudged = DesignRegistry.All
            .SelectMany(d => PropertySet.Names.Where(p => d.NotApplicable(p) is not null).Select(p => $"{d.Name}/{p}"))
            .ToList();
        Assert.Equal(["DropOnFault/CompletionAnswersOutstandingFault", "DropOnFault/EveryFaultCompleted", "DropOnFault/FaultBufferHeldUntilCopied", "DropOnFault/RingsDeliverEveryDescriptorInOrder"], unjudged.Order(StringComparer.Ordinal));
    }
}
