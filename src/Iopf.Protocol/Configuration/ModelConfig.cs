using System.Collections.Immutable;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Designs;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Configuration;

/// <summary>A guest page named by VM and guest page number.</summary>
public readonly record struct GuestPage(int Vm, ulong Page) : IComparable<GuestPage>
{
    public int CompareTo(GuestPage other) => (Vm, Page).CompareTo((other.Vm, other.Page));

    public override string ToString() => $"vm{Vm}:gpfn{Page}";
}

/// <summary>
/// Everything that fixes one model instance: the size of the world, the workload and the choice taken at each
/// of the protocol's decision points (<see cref="Rules"/>: the protocol itself unless a mutant is switched on).
/// Functions map one-to-one onto VMs (SR-IOV VF / S-IOV assignable interface i serves VM i).
/// </summary>
public sealed record ModelConfig
{
    public const ulong PageSize = 4096;

    public int Vms { get; init; } = 2;

    public int PagesPerVm { get; init; } = 2;

    /// <summary>Host frames backing guest memory; fewer than Vms * PagesPerVm means overcommit.</summary>
    public int HostFrames { get; init; } = 3;

    public PinnedRegion FaultBuffers { get; init; } = new(0x10_0000, 4096, 2);

    public int IopfQueueCapacity { get; init; } = 4;

    public int FaultBufferQueueCapacity { get; init; } = 4;

    public int CompletionQueueCapacity { get; init; } = 4;

    /// <summary>Initial value of every ring's free-running counters (set near 2^32 to exercise wrap-around).</summary>
    public uint RingStartCounter { get; init; }

    /// <summary>The DMA writes the device performs, in issue order.</summary>
    public ImmutableArray<Payload> Payloads { get; init; } = [];

    /// <summary>Guest pages resident (mapped to a frame) at the start; every other page starts swapped out.</summary>
    public ImmutableArray<GuestPage> InitiallyResident { get; init; } = [];

    /// <summary>How many eviction requests (memory pressure) each guest VM issues during the run.</summary>
    public int PressurePerVm { get; init; }

    /// <summary>The choice at each decision point; part of the configuration's value, so two configs differ when their rules do.</summary>
    public ProtocolRules Rules { get; init; } = ProtocolRules.Correct;

    /// <summary>Which design handles a DMA to a not-present page.</summary>
    public FaultPathDesign Design { get; init; } = ClaimedDesign.Instance;

    /// <summary>Whether translation completions may overtake each other and be overtaken by invalidations (PCIe) or not.</summary>
    public TranslationCompletionOrder TranslationCompletions { get; init; }

    /// <summary>Whether the IO page fault queue's interrupt is a level (asserted while non-empty) or an edge (once per empty-to-non-empty).</summary>
    public InterruptTrigger Interrupts { get; init; }

    /// <summary>Whether a fault report that finds the IO page fault queue full is held back (back-pressure) or discarded under an overflow flag.</summary>
    public IopfQueueFull IopfQueueFull { get; init; }

    /// <summary>Whether a device ring's slot write and index publication (and the driver's reads of them) are one step or separate bus events.</summary>
    public Publication Publication { get; init; }

    /// <summary>Whether publication is split into bus events (<see cref="Publication.Atomic"/> is not).</summary>
    public bool SplitsPublication => Publication != Publication.Atomic;

    /// <summary>
    /// Which format family the device's page requests and the driver's responses are written in (world key
    /// "descriptorFormats"; the model's own formats unless a world names smmuv3, amd-vi or riscv).
    /// </summary>
    public PageRequestCodec Codec { get; init; } = PageRequestCodec.Model;

    /// <summary>
    /// The VM torn down during the run (at a moment the scheduler picks), whose function and VM id are then reused for
    /// a new VM; null when VMs live for the whole run. One teardown per run keeps the state space finite.
    /// </summary>
    public int? TeardownVm { get; init; }

    /// <summary>
    /// How many ways the IOMMU may pick which of its completions in flight leaves next: enough to pick any one
    /// (a DMA per payload awaiting its answer, plus an ATC refresh per held fault buffer), taken modulo how many
    /// there are.
    /// </summary>
    public int TranslationsInFlightBound => Payloads.Length + FaultBuffers.BufferCount;

    /// <summary>PASID the device uses for function f (any fixed injective map will do; this one is non-zero).</summary>
    public static int PasidOf(int function) => 0x100 + function;

    /// <summary>Every reason this configuration cannot be run; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Vms is < 1 or > 255)
        {
            problems.Add($"vms: {Vms} is not in 1..255");
        }

        if (PagesPerVm < 1)
        {
            problems.Add($"pagesPerVm: {PagesPerVm} must be at least 1");
        }

        if (HostFrames < 2)
        {
            problems.Add($"hostFrames: {HostFrames} must be at least 2 (one pinned page plus one evictable)");
        }

        if (FaultBuffers.Problem() is { } region)
        {
            problems.Add($"faultBuffers: {region}");
        }

        foreach (var (name, capacity) in new[] { ("iopfQueue", IopfQueueCapacity), ("faultBufferQueue", FaultBufferQueueCapacity), ("completionQueue", CompletionQueueCapacity) })
        {
            if (!Queues.RingQueue.IsSupportedCapacity(capacity))
            {
                problems.Add($"{name}: capacity {capacity} is not a power of two in 2..65536");
            }
        }

        if (CompletionQueueCapacity < FaultBuffers.BufferCount)
        {
            problems.Add($"completionQueue: capacity {CompletionQueueCapacity} is below the {FaultBuffers.BufferCount} fault buffers (one completion per held buffer must fit)");
        }

        // The device numbers its faults modulo the PRG index: more outstanding than that would make two share one.
        if (FaultBuffers.BufferCount >= Codec.SequenceModulus)
        {
            problems.Add($"descriptorFormats: {Codec.Family} numbers outstanding faults with a PRG index of {Codec.SequenceModulus} values, fewer than the {FaultBuffers.BufferCount} fault buffers could hold at once");
        }

        // The driver's defence against an index that passes its slot is the model descriptor's Valid bit (README).
        if (Publication == Publication.IndexMayPassSlot && !Codec.IsModel)
        {
            problems.Add($"publication: indexMayPassSlot needs the model's descriptor formats (the driver waits for their Valid bit), not {Codec.Family}");
        }

        var resident = InitiallyResident.Distinct().ToList();
        if (resident.Count > HostFrames)
        {
            problems.Add($"initiallyResident: {resident.Count} pages but only {HostFrames} host frames");
        }

        foreach (var page in resident.Where(p => p.Vm < 0 || p.Vm >= Vms || p.Page >= (ulong)PagesPerVm))
        {
            problems.Add($"initiallyResident: {page} is outside the guest memory");
        }

        for (var i = 0; i < Payloads.Length; i++)
        {
            var p = Payloads[i];
            if (p.Id != i)
            {
                problems.Add($"payloads[{i}]: id {p.Id} must equal its issue position {i}");
            }

            if (p.Vm < 0 || p.Vm >= Vms)
            {
                problems.Add($"payloads[{i}]: vm {p.Vm} is not in 0..{Vms - 1}");
            }

            if (p.Length < 1 || (p.Gpa % PageSize) + (ulong)p.Length > PageSize)
            {
                problems.Add($"payloads[{i}]: gpa 0x{p.Gpa:x} + length {p.Length} does not stay inside one page");
            }

            // Page PagesPerVm is the one page past the VM's memory a world may aim a stray DMA at (to be rejected).
            if (p.Gpa / PageSize > (ulong)PagesPerVm)
            {
                problems.Add($"payloads[{i}]: gpa 0x{p.Gpa:x} is more than one page beyond the VM's {PagesPerVm} pages");
            }
        }

        if (TeardownVm is { } torn)
        {
            if (torn < 0 || torn >= Vms)
            {
                problems.Add($"teardown: vm {torn} is not in 0..{Vms - 1}");
            }

            // What the teardown is modelled against: the claimed design's fault buffers, and no eviction that could
            // still be unmapping a page of the VM while its memory is released (no pressure, no overcommit).
            if (Design is not ClaimedDesign)
            {
                problems.Add($"teardown: modelled for the Claimed design only, not {Design.Name}");
            }

            if (PressurePerVm > 0 || HostFrames < Vms * PagesPerVm)
            {
                problems.Add("teardown: modelled without evictions (pressurePerVm 0 and a host frame for every guest page)");
            }
        }

        return problems;
    }
}
