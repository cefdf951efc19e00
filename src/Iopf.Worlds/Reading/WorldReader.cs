using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Designs;
using Iopf.Protocol.Memory;
using Iopf.Worlds.Sampling;

namespace Iopf.Worlds.Reading;

/// <summary>
/// The one reader and validator of world files. Every field is checked against what the model can mean
/// (<see cref="WorldLimits"/>) before anything is built from it, and the first problem is one line naming
/// the file, the line and the key; <see cref="ModelConfig.Problems"/> then checks what spans several fields.
/// </summary>
public static partial class WorldReader
{
    public static WorldDefinition Load(string path)
    {
        using var source = JsonSource.Load(path, "world");
        return Read(source, NameOf(path), path);
    }

    /// <param name="text">The world file's text.</param>
    /// <param name="sourceName">How messages name the file.</param>
    /// <param name="name">The world's name (a file's name without .json).</param>
    /// <param name="origin">"built-in" or the path the text came from.</param>
    public static WorldDefinition Parse(string text, string sourceName, string name, string origin)
    {
        using var source = JsonSource.Parse(text, sourceName);
        return Read(source, CheckName(name, sourceName), origin);
    }

    /// <summary>The world name a file gives: its name without .json, which must be a plain identifier.</summary>
    public static string NameOf(string path)
    {
        var file = System.IO.Path.GetFileName(path);
        if (!file.EndsWith(".json", StringComparison.Ordinal))
        {
            throw new DataFileException($"{path}: a world file's name ends in .json");
        }

        return CheckName(file[..^".json".Length], path);
    }

    /// <summary>Why a world name is not one (null when it is): a plain identifier, so it is safe in file names.</summary>
    public static string? NameProblem(string name) =>
        NamePattern().IsMatch(name) ? null : $"the world's name '{name}' must be a letter followed by up to 63 letters, digits, '-' or '_'";

    /// <summary>
    /// A world embedded in another file (a schedule's recorded world): read from its object there, so every
    /// message names that file, the real line and the key's full path (e.g. worldDefinition.vms).
    /// </summary>
    public static WorldDefinition ReadEmbedded(JsonFields fields, string name, string origin) =>
        Read(fields, NameProblem(name) is { } problem ? throw fields.Problem(problem) : name, origin);

    private static string CheckName(string name, string sourceName) =>
        NameProblem(name) is { } problem ? throw new DataFileException($"{sourceName}: {problem}") : name;

    private static WorldDefinition Read(JsonSource source, string name, string origin) => Read(source.Root, name, origin);

    private static WorldDefinition Read(JsonFields root, string name, string origin)
    {
        var text = root.RawText;
        _ = root.Has("$schema");
        var description = root.String("description") ?? throw root.Problem("description", "missing: say in one line what the world exercises");

        var vms = root.Int("vms", 1, WorldLimits.MaxVms) ?? throw root.Problem("vms", $"missing: how many VMs (1..{WorldLimits.MaxVms})");
        var pagesPerVm = root.Int("pagesPerVm", 1, WorldLimits.MaxPagesPerVm) ?? throw root.Problem("pagesPerVm", $"missing: guest pages per VM (1..{WorldLimits.MaxPagesPerVm})");
        var hostFrames = root.Int("hostFrames", WorldLimits.MinHostFrames, WorldLimits.MaxHostFrames) ?? throw root.Problem("hostFrames", $"missing: host frames backing guest memory ({WorldLimits.MinHostFrames}..{WorldLimits.MaxHostFrames})");
        var region = Region(root);
        var iopfQueue = Capacity(root, "iopfQueueCapacity");
        var faultBufferQueue = Capacity(root, "faultBufferQueueCapacity");
        var completionQueue = Capacity(root, "completionQueueCapacity");
        if (completionQueue < region.BufferCount)
        {
            // ModelConfig.Problems() has the same rule, but could name neither the key nor its line.
            throw root.Problem("completionQueueCapacity", $"{completionQueue} is below the {region.BufferCount} fault buffers (one completion per held buffer must fit)");
        }

        var ringStart = (uint)(root.Integer("ringStartCounter", 0, uint.MaxValue) ?? 0);
        var design = ReadDesign(root);
        var translationCompletions = Choice(root, "translationCompletions", ("inOrder", TranslationCompletionOrder.InOrder), ("mayPass", TranslationCompletionOrder.MayPass));
        var interrupts = Choice(root, "interrupts", ("level", InterruptTrigger.Level), ("edge", InterruptTrigger.Edge));
        var iopfQueueFull = Choice(root, "iopfQueueFull", ("backPressure", IopfQueueFull.BackPressure), ("overflow", IopfQueueFull.Overflow));
        var publication = Choice(root, "publication", ("atomic", Publication.Atomic), ("ordered", Publication.Ordered), ("indexMayPassSlot", Publication.IndexMayPassSlot));
        var codec = ReadFormats(root);
        var resident = Resident(root, vms, pagesPerVm, hostFrames);
        var pressure = root.Int("pressurePerVm", 0, WorldLimits.MaxPressurePerVm) ?? 0;
        var payloads = Payloads(root, vms, pagesPerVm, region.BufferSize);
        var teardown = Teardown(root, vms);
        var sampling = Sampling(root);
        var exhaustive = Exhaustive(root);
        root.RejectUnknownKeys();

        var config = new ModelConfig
        {
            Vms = vms,
            PagesPerVm = pagesPerVm,
            HostFrames = hostFrames,
            FaultBuffers = region,
            IopfQueueCapacity = iopfQueue,
            FaultBufferQueueCapacity = faultBufferQueue,
            CompletionQueueCapacity = completionQueue,
            RingStartCounter = ringStart,
            Design = design,
            InitiallyResident = resident,
            PressurePerVm = pressure,
            Payloads = payloads,
            TranslationCompletions = translationCompletions,
            Interrupts = interrupts,
            IopfQueueFull = iopfQueueFull,
            Publication = publication,
            Codec = codec,
            TeardownVm = teardown,
        };

        // What no single field shows (a completion ring smaller than the buffer pool, ...): the core's own rules.
        if (config.Problems() is [var first, ..])
        {
            throw root.Problem(first);
        }

        return new WorldDefinition(name, description, config, sampling, exhaustive, origin, text);
    }

    private static PinnedRegion Region(JsonFields root)
    {
        var fields = root.Object("faultBuffers") ?? throw root.Problem("faultBuffers", "missing: { \"base\": ..., \"bufferSize\": ..., \"count\": ... }");
        var count = fields.Int("count", 1, WorldLimits.MaxFaultBuffers) ?? throw fields.Problem("count", $"missing: how many fault buffers (1..{WorldLimits.MaxFaultBuffers})");
        var size = fields.UnsignedLong("bufferSize", WorldLimits.MinBufferSize, WorldLimits.MaxBufferSize) ?? throw fields.Problem("bufferSize", "missing: bytes per fault buffer (a power of two)");
        var start = fields.UnsignedLong("base", 0, PinnedRegion.MaxAddress) ?? throw fields.Problem("base", "missing: host physical address of the first buffer");
        fields.RejectUnknownKeys();
        var region = new PinnedRegion(start, size, count);
        return region.Problem() is { } problem ? throw root.Problem("faultBuffers", problem) : region;
    }

    /// <summary>The optional "teardown": { "vm": v } (VM v is torn down at a moment the scheduler picks, and its id reused).</summary>
    private static int? Teardown(JsonFields root, int vms)
    {
        if (root.Object("teardown") is not { } fields)
        {
            return null;
        }

        var vm = fields.Int("vm", 0, vms - 1) ?? throw fields.Problem("vm", $"missing: which VM is torn down (0..{vms - 1})");
        fields.RejectUnknownKeys();
        return vm;
    }

    private static int Capacity(JsonFields root, string key)
    {
        var capacity = root.Int(key, 2, WorldLimits.MaxRingCapacity) ?? throw root.Problem(key, $"missing: ring slots (a power of two in 2..{WorldLimits.MaxRingCapacity})");
        return (capacity & (capacity - 1)) == 0 ? capacity : throw root.Problem(key, $"{capacity} is not a power of two");
    }

    /// <summary>An optional key whose value is one of a few words; absent, the first (the default).</summary>
    private static T Choice<T>(JsonFields root, string key, params (string Word, T Value)[] choices)
    {
        var word = root.String(key);
        if (word is null)
        {
            return choices[0].Value;
        }

        foreach (var (w, value) in choices)
        {
            if (string.Equals(w, word, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw root.Problem(key, $"unknown value '{word}'; valid: {string.Join(", ", choices.Select(c => c.Word))}");
    }

    /// <summary>The format family the device and the driver write their descriptors in; absent, the model's own.</summary>
    private static PageRequestCodec ReadFormats(JsonFields root)
    {
        var family = root.String("descriptorFormats", 40);
        return family is null
            ? PageRequestCodec.Model
            : PageRequestCodec.Find(family, out var problem) ?? throw root.Problem("descriptorFormats", problem!);
    }

    private static FaultPathDesign ReadDesign(JsonFields root)
    {
        var name = root.String("design");
        if (name is null)
        {
            return ClaimedDesign.Instance;
        }

        return DesignRegistry.Find(name)
            ?? throw root.Problem("design", $"unknown design '{name}'; valid: {string.Join(", ", DesignRegistry.Names)}");
    }

    private static ImmutableArray<GuestPage> Resident(JsonFields root, int vms, int pagesPerVm, int hostFrames)
    {
        var pages = new List<GuestPage>();
        foreach (var entry in root.Objects("initiallyResident", hostFrames) ?? [])
        {
            var page = Page(entry, vms, pagesPerVm);
            entry.RejectUnknownKeys();
            if (pages.Contains(page))
            {
                throw entry.Problem($"{page} is listed twice");
            }

            pages.Add(page);
        }

        return [.. pages];
    }

    private static GuestPage Page(JsonFields entry, int vms, int pagesPerVm)
    {
        var vm = entry.Int("vm", 0, vms - 1) ?? throw entry.Problem("vm", $"missing: the VM (0..{vms - 1})");
        var page = entry.Int("page", 0, pagesPerVm - 1) ?? throw entry.Problem("page", $"missing: the guest page number (0..{pagesPerVm - 1})");
        return new GuestPage(vm, (ulong)page);
    }

    /// <summary>
    /// A payload's page: one of the VM's pages, or, with "beyondGuestMemory": true, the first page past them (a
    /// stray DMA to a GPA the VM does not own, which must end in an explicit rejection). The flag says so on
    /// purpose, so a page number that is merely too large stays an error.
    /// </summary>
    private static GuestPage PayloadPage(JsonFields entry, int vms, int pagesPerVm)
    {
        if (entry.Bool("beyondGuestMemory") != true)
        {
            return Page(entry, vms, pagesPerVm);
        }

        if (entry.Has("page"))
        {
            throw entry.Problem("page", $"not allowed with \"beyondGuestMemory\": true (the payload goes to page {pagesPerVm}, the first one past the VM's memory)");
        }

        var vm = entry.Int("vm", 0, vms - 1) ?? throw entry.Problem("vm", $"missing: the VM (0..{vms - 1})");
        return new GuestPage(vm, (ulong)pagesPerVm);
    }

    private static ImmutableArray<Payload> Payloads(JsonFields root, int vms, int pagesPerVm, ulong bufferSize)
    {
        var entries = root.Objects("payloads", WorldLimits.MaxPayloads) ?? throw root.Problem("payloads", "missing: the DMA writes the device performs, in issue order");
        if (entries.Count == 0)
        {
            throw root.Problem("payloads", "empty: at least one DMA is needed (nothing happens without one)");
        }

        var payloads = new List<Payload>();
        foreach (var entry in entries)
        {
            var page = PayloadPage(entry, vms, pagesPerVm);
            var offset = entry.Int("offset", 0, (int)ModelConfig.PageSize - 1) ?? 0;
            var maxLength = (int)Math.Min(ModelConfig.PageSize, bufferSize);
            var length = entry.Int("length", 1, maxLength) ?? WorldLimits.DefaultPayloadLength;
            entry.RejectUnknownKeys();
            if (offset + length > (int)ModelConfig.PageSize)
            {
                throw entry.Problem($"offset {offset} + length {length} crosses the end of the 4096-byte page");
            }

            if ((ulong)length > bufferSize)
            {
                throw entry.Problem($"length {length} does not fit a fault buffer of {bufferSize} bytes");
            }

            payloads.Add(new Payload(payloads.Count, page.Vm, (page.Page * ModelConfig.PageSize) + (ulong)offset, length));
        }

        return [.. payloads];
    }

    private static SamplingOverrides Sampling(JsonFields root)
    {
        if (root.Object("sampling") is not { } fields)
        {
            return new SamplingOverrides();
        }

        var overrides = SamplingReader.Read(fields);
        fields.RejectUnknownKeys();
        return overrides;
    }

    private static ExhaustiveExpectation? Exhaustive(JsonFields root)
    {
        if (root.Object("exhaustive") is not { } fields)
        {
            return null;
        }

        var expectation = new ExhaustiveExpectation(
            fields.Bool("small") ?? throw fields.Problem("small", "missing: true when `iopf verify` and CI explore every interleaving of this world"),
            fields.Integer("states", 1, WorldLimits.MaxStates),
            fields.Integer("transitions", 0, long.MaxValue),
            fields.Int("depth", 0, int.MaxValue));
        fields.RejectUnknownKeys();
        return expectation;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
