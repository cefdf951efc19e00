using System.Text.Json.Serialization;
using Iopf.Protocol.Configuration;
using Iopf.Protocol.Designs;
using Iopf.Protocol.Memory;

namespace Iopf.Exhaustive;

/// <summary>
/// A small configuration written in coyote.json (exhaustive.custom.NAME), so an engineer can check every
/// interleaving of their own setup without touching code. Omitted fields keep <see cref="ModelConfig"/>'s defaults.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ConfigurationEntry
{
    public string? Description { get; init; }

    public int? Vms { get; init; }

    public int? PagesPerVm { get; init; }

    public int? HostFrames { get; init; }

    public RegionEntry? FaultBuffers { get; init; }

    public int? IopfQueueCapacity { get; init; }

    public int? FaultBufferQueueCapacity { get; init; }

    public int? CompletionQueueCapacity { get; init; }

    public uint? RingStartCounter { get; init; }

    public PageEntry[]? InitiallyResident { get; init; }

    public int? PressurePerVm { get; init; }

    public PayloadEntry[]? Payloads { get; init; }

    /// <summary>Which design handles a DMA to a not-present page (mutants are chosen on the command line, as for `run`).</summary>
    public string? Design { get; init; }

    /// <summary>The model configuration, or the first reason there is none (a field-named phrase).</summary>
    public (ModelConfig? Config, string? Problem) ToModelConfig()
    {
        var defaults = new ModelConfig();
        var design = defaults.Design;
        if (Design is { } designName)
        {
            if (DesignRegistry.Find(designName) is not { } named)
            {
                return (null, $"design: unknown design '{designName}'; valid: {string.Join(", ", DesignRegistry.Names)}");
            }

            design = named;
        }

        if (Payloads is null || Payloads.Length == 0)
        {
            return (null, "payloads: at least one DMA is needed (nothing happens without one)");
        }

        var config = new ModelConfig
        {
            Vms = Vms ?? defaults.Vms,
            PagesPerVm = PagesPerVm ?? defaults.PagesPerVm,
            HostFrames = HostFrames ?? defaults.HostFrames,
            FaultBuffers = FaultBuffers is { } r ? new PinnedRegion(r.Base, r.BufferSize, r.Count) : defaults.FaultBuffers,
            IopfQueueCapacity = IopfQueueCapacity ?? defaults.IopfQueueCapacity,
            FaultBufferQueueCapacity = FaultBufferQueueCapacity ?? defaults.FaultBufferQueueCapacity,
            CompletionQueueCapacity = CompletionQueueCapacity ?? defaults.CompletionQueueCapacity,
            RingStartCounter = RingStartCounter ?? defaults.RingStartCounter,
            InitiallyResident = [.. (InitiallyResident ?? []).Select(p => new GuestPage(p.Vm, p.Page))],
            PressurePerVm = PressurePerVm ?? defaults.PressurePerVm,
            Payloads = [.. Payloads.Select((p, i) => new Payload(i, p.Vm, (p.Page * ModelConfig.PageSize) + p.Offset, p.Length))],
            Design = design,
        };
        var problems = config.Problems();
        return problems.Count > 0 ? (null, problems[0]) : (config, null);
    }
}

/// <summary>The pinned fault-buffer region: Count buffers of BufferSize bytes from Base (numbers, not strings).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RegionEntry(ulong Base, ulong BufferSize, int Count);

/// <summary>A guest page: VM and guest page number.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record PageEntry(int Vm, ulong Page);

/// <summary>One DMA write, in issue order: Length bytes at Offset into guest page Page of VM Vm.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record PayloadEntry(int Vm, ulong Page, ulong Offset = 0, int Length = 64);
