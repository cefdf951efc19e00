using Iopf.Worlds;
using Iopf.Models.Designs;
using Iopf.Models.Entry;
using Iopf.Protocol.Configuration;
using Iopf.Protocol.Parties;
using Iopf.Worlds.Mutants;

namespace Iopf.Tests.Protocol;

public class WorldTests
{
    public static TheoryData<string> WorldNames() => [.. WorldCatalog.BuiltIn.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(WorldNames))]
    public void Every_scenario_runs_clean_under_the_fifo_schedule(string name)
    {
        var (world, verdict) = Run(WorldCatalog.Find(name)!.Config);
        Assert.Null(verdict);
        Assert.Empty(world.Device.Outstanding);
        Assert.Equal(0, world.Context.Pinned.Buffers.InUse);
    }

    [Fact]
    public void A_fault_is_resolved_into_the_vms_page_and_the_buffer_returns()
    {
        var (world, verdict) = Run(WorldCatalog.Find("SingleFault")!.Config);
        Assert.Null(verdict);
        var entry = world.Vmm.Pages[new GuestPage(0, 0)];
        Assert.NotNull(entry.Frame);
        Assert.False(entry.Pinned);
        Assert.Equal(0, world.Context.Host.Frame(entry.Frame!.Value).At(0));
        Assert.Equal(1, world.Vmm.Copies);
        Assert.True(world.Device.Atc.ContainsKey((0, 0UL)), "the completion refreshes the ATC through ATS");
    }

    [Fact]
    public void Back_pressure_holds_payloads_instead_of_dropping_them()
    {
        var (world, verdict) = Run(WorldCatalog.Find("FaultBurst")!.Config);
        Assert.Null(verdict);
        Assert.True(world.Device.StallSteps > 0, "five faults on two buffers must stall the device");
    }

    [Fact]
    public void The_drop_mutant_loses_a_payload_even_on_the_fifo_schedule()
    {
        var config = WorldCatalog.Find("FaultBurst")!.WithMutants([Mutant.Find("DropWhenNoFaultBuffer")!]).Config;
        var (_, verdict) = Run(config);
        Assert.StartsWith("never delivered", verdict);
    }

    private static (World World, string? Verdict) Run(ModelConfig config)
    {
        var result = ReferenceRun.Run(config);
        Assert.True(result.Terminated, "the reference schedule must come to rest");
        return (result.World, result.Verdict?.Sentence);
    }

    [Fact]
    public void Invalid_configurations_are_refused_with_every_reason()
    {
        var config = new ModelConfig
        {
            HostFrames = 1,
            IopfQueueCapacity = 3,
            Payloads = [new Iopf.Protocol.Memory.Payload(0, 5, 0xFF0, 64)],
        };
        var e = Assert.Throws<InvalidModelConfigException>(() => World.Create(config));
        Assert.Contains(e.Problems, p => p.StartsWith("hostFrames", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("iopfQueue", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("vm 5", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("one page", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cloned_world_evolves_independently()
    {
        var (world, start) = World.Create(WorldCatalog.Find("SingleFault")!.Config);
        var copy = world.Clone();
        world.Deliver(start.Sends[0]);
        Assert.Equal(1, world.Device.NextPayload);
        Assert.Equal(0, copy.Device.NextPayload);
    }
}
