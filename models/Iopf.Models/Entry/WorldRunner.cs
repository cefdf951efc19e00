using Iopf.Protocol.Coverage;
using Iopf.Models.Events;
using Iopf.Models.Machines;
using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Specs.Monitors;
using Microsoft.Coyote.Actors;

namespace Iopf.Models.Entry;

/// <summary>
/// Sets up one iteration of a world inside a Coyote runtime: registers the monitors, creates one machine
/// per party with a logical name, shows the monitors the initial memory map, and sends the start messages.
/// The test driver only builds the world; everything after that is the parties' own steps.
/// </summary>
public static class WorldRunner
{
    /// <param name="properties">The properties to monitor (null: all of them).</param>
    /// <param name="coverage">The tally the iteration's steps feed (null: none is kept).</param>
    public static void Start(IActorRuntime runtime, ModelConfig config, IReadOnlyCollection<string>? properties = null, CoverageTally? coverage = null)
    {
        MonitorSet.Register(runtime, properties);

        var (world, start) = World.Create(config);
        coverage?.Add(null, start.Observations, start.Decisions);
        var wiring = new Wiring(
            runtime.CreateActorIdFromName(typeof(DeviceMachine), "Device"),
            runtime.CreateActorIdFromName(typeof(IommuMachine), "Iommu"),
            runtime.CreateActorIdFromName(typeof(DriverMachine), "Driver"),
            runtime.CreateActorIdFromName(typeof(VmmMachine), "Vmm"),
            runtime.CreateActorIdFromName(typeof(LinkMachine), "Link"),
            Enumerable.Range(0, config.Vms).Select(vm => runtime.CreateActorIdFromName(typeof(GuestMachine), $"Guest{vm}")).ToList());

        foreach (var observation in start.Observations)
        {
            MonitorSet.Notify(runtime, new ObservationEvent(observation));
        }

        runtime.CreateActor(wiring.Device, typeof(DeviceMachine), new SetupEvent(world, wiring, 0, coverage));
        runtime.CreateActor(wiring.Iommu, typeof(IommuMachine), new SetupEvent(world, wiring, 0, coverage));
        runtime.CreateActor(wiring.Driver, typeof(DriverMachine), new SetupEvent(world, wiring, 0, coverage));
        runtime.CreateActor(wiring.Vmm, typeof(VmmMachine), new SetupEvent(world, wiring, 0, coverage));
        runtime.CreateActor(wiring.Link, typeof(LinkMachine), new SetupEvent(world, wiring, 0, coverage));
        for (var vm = 0; vm < config.Vms; vm++)
        {
            runtime.CreateActor(wiring.Guests[vm], typeof(GuestMachine), new SetupEvent(world, wiring, vm, coverage));
        }

        foreach (var envelope in start.Sends)
        {
            runtime.SendEvent(wiring.Of(envelope), new ProtocolEvent(envelope.Message));
        }
    }
}
