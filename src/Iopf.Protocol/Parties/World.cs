using Iopf.Protocol.Configuration;
using Iopf.Protocol.Coverage;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The whole protocol state: every party's own state plus the shared memories. The Coyote actors each own a
/// reference to their part; an explorer that needs the global state (the exhaustive search) clones it whole.
/// </summary>
public sealed class World
{
    private World(ModelConfig config, PinnedMemory pinned, HostMemory host, DeviceState device, IommuState iommu, DriverState driver, VmmState vmm, LinkState link, GuestState[] guests)
    {
        Config = config;
        Context = new ProtocolContext(config, pinned, host);
        Device = device;
        Iommu = iommu;
        Driver = driver;
        Vmm = vmm;
        Link = link;
        Guests = guests;
    }

    public ModelConfig Config { get; }

    public ProtocolContext Context { get; }

    public DeviceState Device { get; }

    public IommuState Iommu { get; }

    public DriverState Driver { get; }

    public VmmState Vmm { get; }

    public LinkState Link { get; }

    public IReadOnlyList<GuestState> Guests { get; }

    /// <summary>
    /// Builds the initial world. The returned step holds the observations of the initial mapping and the
    /// messages that start the run (the device's first DMA, each guest's first pressure tick).
    /// </summary>
    public static (World World, StepResult Start) Create(ModelConfig config)
    {
        var problems = config.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidModelConfigException(problems);
        }

        var start = new StepResult();
        DecisionLog.Begin();
        try
        {
            return Build(config, start);
        }
        finally
        {
            start.Decisions = DecisionLog.End();
        }
    }

    private static (World World, StepResult Start) Build(ModelConfig config, StepResult start)
    {
        var host = new HostMemory(config.HostFrames);
        var vmm = new VmmState();
        var iommu = new IommuState();
        var resident = config.InitiallyResident.Distinct().ToList();
        for (var vm = 0; vm < config.Vms; vm++)
        {
            start.Observe(new GuestMemory(vm, config.PagesPerVm));
            for (var page = 0UL; page < (ulong)config.PagesPerVm; page++)
            {
                var gp = new GuestPage(vm, page);
                var index = resident.IndexOf(gp);
                vmm.Pages[gp] = new PageEntry(index >= 0 ? index : null, false);
                if (index >= 0)
                {
                    iommu.Table[(vm, page)] = index;
                    start.Observe(new FrameAssigned(index, vm, page, new PageContent()));
                }
            }
        }

        for (var frame = resident.Count; frame < config.HostFrames; frame++)
        {
            vmm.FreeFrames.Add(frame);
        }

        var guests = Enumerable.Range(0, config.Vms).Select(vm => new GuestState(vm, config.PressurePerVm)).ToArray();
        if (config.Payloads.Length > 0)
        {
            start.Send(Role.Device, new IssueNextDma());
        }

        foreach (var guest in guests.Where(g => g.PressureLeft > 0))
        {
            start.Send(Role.Guest, new GuestTick(), guest.Vm);
        }

        if (config.TeardownVm is { } torn)
        {
            start.Send(Role.Guest, new DestroyVm(), torn);
        }

        var world = new World(config, new PinnedMemory(config), host, new DeviceState(), iommu, new DriverState(), vmm, new LinkState(), guests);
        return (world, start);
    }

    /// <summary>
    /// In how many ways a party can take this message: a guest's tick picks which of its pages to give up, the
    /// IOMMU's release which of its translation completions in flight leaves next; every other step is
    /// determined. Each engine asks here, so they all explore the same choices.
    /// </summary>
    public static int ChoicesFor(ModelConfig config, Message message) => message switch
    {
        GuestTick => config.PagesPerVm,
        ReleaseTranslation => config.TranslationsInFlightBound,
        _ => 1,
    };

    /// <summary>Delivers one message to its party and returns what that step produced. Choice feeds the step's nondeterministic pick (a guest's page, the IOMMU's completion).</summary>
    public StepResult Deliver(Envelope envelope, int choice = 0) =>
        Step(envelope, PartyState(envelope.To, envelope.Index), Context, choice);

    /// <summary>The state of the party a message to (role, index) is delivered to; index selects the guest VM.</summary>
    public object PartyState(Role role, int index) => role switch
    {
        Role.Device => Device,
        Role.Iommu => Iommu,
        Role.Driver => Driver,
        Role.Vmm => Vmm,
        Role.Link => Link,
        _ => Guests[index],
    };

    /// <summary>
    /// Runs the step of the party whose state is given, on that state and the context's memories. Deliver uses
    /// it on the world's own parts; an explorer that stores parts separately calls it on copies.
    /// </summary>
    public static StepResult Step(Envelope envelope, object partyState, ProtocolContext context, int choice = 0)
    {
        var r = new StepResult();
        DecisionLog.Begin();
        try
        {
            Run(envelope, partyState, context, choice, r);
        }
        finally
        {
            r.Decisions = DecisionLog.End();
        }

        return r;
    }

    private static void Run(Envelope envelope, object partyState, ProtocolContext context, int choice, StepResult r)
    {
        switch (envelope.To, partyState)
        {
            case (Role.Device, DeviceState s):
                Parties.Device.Handle(s, context, envelope.Message, r);
                break;
            case (Role.Iommu, IommuState s):
                Parties.Iommu.Handle(s, context, envelope.Message, r, choice);
                break;
            case (Role.Driver, DriverState s):
                Parties.Driver.Handle(s, context, envelope.Message, r);
                break;
            case (Role.Vmm, VmmState s):
                Parties.Vmm.Handle(s, context, envelope.Message, r);
                break;
            case (Role.Link, LinkState):
                Parties.Link.Handle(context, envelope.Message, r);
                break;
            case (Role.Guest, GuestState s) when envelope.Message is GuestTick:
                Guest.Tick(s, choice, r);
                break;
            case (Role.Guest, GuestState s) when envelope.Message is DestroyVm:
                r.Send(Role.Vmm, new TearDownVm(s.Vm));
                break;
            default:
                throw new UnexpectedMessageException(envelope.To.ToString(), envelope.Message);
        }
    }

    public World Clone() => new(
        Config,
        Context.Pinned.Clone(),
        Context.Host.Clone(),
        Device.Clone(),
        Iommu.Clone(),
        Driver.Clone(),
        Vmm.Clone(),
        Link.Clone(),
        Guests.Select(g => g.Clone()).ToArray());
}

/// <summary>The model configuration is not runnable; Problems says why, one line each.</summary>
public sealed class InvalidModelConfigException(IReadOnlyList<string> problems)
    : Exception("invalid model configuration: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
