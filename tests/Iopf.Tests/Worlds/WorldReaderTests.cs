using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Rules;
using Iopf.Worlds;
using Iopf.Worlds.Reading;
using Iopf.Worlds.Sampling;

namespace Iopf.Tests.Worlds;

/// <summary>The one world reader: what a valid file becomes, and a one-line refusal for every bad field.</summary>
public class WorldReaderTests
{
    // One key per line, so a case can replace one key's value (or add a key on line 3) and name the line.
    private static readonly (string Key, string Value)[] Template =
    [
        ("description", "\"rig\""),
        ("vms", "2"),
        ("pagesPerVm", "2"),
        ("hostFrames", "3"),
        ("faultBuffers", "{ \"base\": 1048576, \"bufferSize\": 4096, \"count\": 2 }"),
        ("iopfQueueCapacity", "2"),
        ("faultBufferQueueCapacity", "2"),
        ("completionQueueCapacity", "2"),
        ("initiallyResident", "[ { \"vm\": 0, \"page\": 1 } ]"),
        ("pressurePerVm", "1"),
        ("payloads", "[ { \"vm\": 1, \"page\": 0 }, { \"vm\": 0, \"page\": 0, \"offset\": 64, \"length\": 32 } ]"),
    ];

    /// <summary>The template with one key's value replaced (null removes it); a key not in it is added first.</summary>
    private static string World(string? key = null, string? value = null)
    {
        var entries = Template.ToList();
        var index = entries.FindIndex(e => e.Key == key);
        if (key is not null && index < 0)
        {
            entries.Insert(1, (key, value!));
        }
        else if (key is not null && value is null)
        {
            entries.RemoveAt(index);
        }
        else if (key is not null)
        {
            entries[index] = (key, value!);
        }

        return "{\n" + string.Join(",\n", entries.Select(e => $"  \"{e.Key}\": {e.Value}")) + "\n}\n";
    }

    private static WorldDefinition Parse(string text) => WorldReader.Parse(text, "rig.json", "Rig", "rig.json");

    [Fact]
    public void A_world_file_becomes_the_model_configuration_it_describes()
    {
        var world = Parse(World("sampling", """{ "iterations": 50, "strategy": "prioritization", "seed": 7 }"""));

        Assert.Equal("Rig", world.Name);
        Assert.Equal("rig", world.Description);
        Assert.False(world.IsBuiltIn);
        Assert.False(world.IsSmall);
        Assert.Null(world.Exhaustive);
        var c = world.Config;
        Assert.Equal((2, 2, 3), (c.Vms, c.PagesPerVm, c.HostFrames));
        Assert.Equal(new PinnedRegion(0x10_0000, 4096, 2), c.FaultBuffers);
        Assert.Equal((2, 2, 2), (c.IopfQueueCapacity, c.FaultBufferQueueCapacity, c.CompletionQueueCapacity));
        Assert.Equal(0u, c.RingStartCounter);
        Assert.Same(Iopf.Protocol.Designs.ClaimedDesign.Instance, c.Design);
        Assert.Equal([new GuestPage(0, 1)], c.InitiallyResident.ToArray());
        Assert.Equal(1, c.PressurePerVm);
        Assert.Equal([new Payload(0, 1, 0, 64), new Payload(1, 0, 64, 32)], c.Payloads.ToArray());
        Assert.Equal(ProtocolRules.Correct, c.Rules);
        Assert.Empty(world.Mutants);
        Assert.Equal(new SamplingOverrides(50, Strategy.Prioritization, null, 7, null), world.Sampling);
        Assert.Equal(new ExplorationBudget(50, Strategy.Prioritization, 2000, 7, 10), world.Sampling.ApplyTo(new ExplorationBudget(1000, Strategy.Random, 2000, 1, 10)));
    }

    [Theory]
    [InlineData(null, InterruptTrigger.Level)]
    [InlineData("\"level\"", InterruptTrigger.Level)]
    [InlineData("\"edge\"", InterruptTrigger.Edge)]
    public void The_interrupts_key_chooses_the_line_and_defaults_to_level(string? value, InterruptTrigger expected)
    {
        var world = Parse(value is null ? World() : World("interrupts", value));
        Assert.Equal(expected, world.Config.Interrupts);
    }

    [Theory]
    [InlineData(null, IopfQueueFull.BackPressure)]
    [InlineData("\"backPressure\"", IopfQueueFull.BackPressure)]
    [InlineData("\"overflow\"", IopfQueueFull.Overflow)]
    public void The_iopf_queue_full_key_chooses_the_discipline_and_defaults_to_back_pressure(string? value, IopfQueueFull expected)
    {
        var world = Parse(value is null ? World() : World("iopfQueueFull", value));
        Assert.Equal(expected, world.Config.IopfQueueFull);
    }

    [Theory]
    [InlineData(null, Publication.Atomic)]
    [InlineData("\"atomic\"", Publication.Atomic)]
    [InlineData("\"ordered\"", Publication.Ordered)]
    [InlineData("\"indexMayPassSlot\"", Publication.IndexMayPassSlot)]
    public void The_publication_key_chooses_how_ring_writes_become_visible_and_defaults_to_atomic(string? value, Publication expected)
    {
        var world = Parse(value is null ? World() : World("publication", value));
        Assert.Equal(expected, world.Config.Publication);
    }

    [Fact]
    public void The_teardown_key_names_the_vm_torn_down_and_is_absent_by_default()
    {
        Assert.Null(Parse(World()).Config.TeardownVm);
        Assert.Equal(0, WorldCatalog.Find("TeardownWithFaultsOutstanding")!.Config.TeardownVm);
    }

    [Fact]
    public void The_exhaustive_section_pins_the_state_space()
    {
        var world = Parse(World("exhaustive", """{ "small": true, "states": 12, "transitions": 30, "depth": 9 }"""));
        Assert.True(world.IsSmall);
        Assert.Equal(new ExhaustiveExpectation(true, 12, 30, 9), world.Exhaustive);
    }

    [Fact]
    public void The_world_keeps_its_text_for_schedules_to_carry()
    {
        var text = World();
        var world = Parse(text);
        var again = WorldReader.Parse(world.Text, "again", "Rig", "rig.json");
        Assert.Equal(world.Config.Payloads.ToArray(), again.Config.Payloads.ToArray());
        Assert.Equal(world.Config.InitiallyResident.ToArray(), again.Config.InitiallyResident.ToArray());
        Assert.Equal(world.Config with { Payloads = [], InitiallyResident = [] }, again.Config with { Payloads = [], InitiallyResident = [] });
        Assert.Equal(world.Description, again.Description);
    }

    /// <summary>Each bad field: the exact line a user sees (file, line, key path, what is wrong).</summary>
    public static TheoryData<string, string?, string> BadFields() => new()
    {
        { "vms", "0", "rig.json:3: vms: 0 is not a whole number in 1..255" },
        { "vms", "256", "rig.json:3: vms: 256 is not a whole number in 1..255" },
        { "vms", "1.5", "rig.json:3: vms: 1.5 is not a whole number in 1..255" },
        { "vms", "\"two\"", "rig.json:3: vms: must be a whole number, not the string \"two\"" },
        { "vms", null, "rig.json:1: vms: missing: how many VMs (1..255)" },
        { "pagesPerVm", "2000000000", "rig.json:4: pagesPerVm: 2000000000 is not a whole number in 1..4096" },
        { "hostFrames", "2e9", "rig.json:5: hostFrames: 2e9 is not a whole number in 2..4096" },
        { "hostFrames", "1", "rig.json:5: hostFrames: 1 is not a whole number in 2..4096" },
        { "hostFrames", "99999999999999999999999", "rig.json:5: hostFrames: 99999999999999999999999 is not a whole number in 2..4096" },
        { "faultBuffers", """{ "base": 1048576, "bufferSize": 1, "count": 2 }""", "rig.json:6: faultBuffers.bufferSize: 1 is not a whole number in 64..2097152" },
        { "faultBuffers", """{ "base": 1048576, "bufferSize": 4000, "count": 2 }""", "rig.json:6: faultBuffers: fault buffer size 4000 is not a power of two" },
        { "faultBuffers", """{ "base": 1048577, "bufferSize": 4096, "count": 2 }""", "rig.json:6: faultBuffers: pinned region base 0x100001 is not aligned to the buffer size 4096" },
        { "faultBuffers", """{ "base": 1048576, "bufferSize": 4096, "count": 257 }""", "rig.json:6: faultBuffers.count: 257 is not a whole number in 1..256" },
        { "faultBuffers", """{ "base": 4503599627366400, "bufferSize": 4096, "count": 2 }""", "rig.json:6: faultBuffers: pinned region 0xffffffffff000+8192 does not fit the 52-bit address field" },
        { "faultBuffers", """{ "base": 1048576, "size": 4096, "count": 2 }""", "rig.json:6: faultBuffers.bufferSize: missing: bytes per fault buffer (a power of two)" },
        { "faultBuffers", "[]", "rig.json:6: faultBuffers: must be an object { ... }, not an array" },
        { "iopfQueueCapacity", "3", "rig.json:7: iopfQueueCapacity: 3 is not a power of two" },
        { "iopfQueueCapacity", "131072", "rig.json:7: iopfQueueCapacity: 131072 is not a whole number in 2..65536" },
        { "completionQueueCapacity", "1", "rig.json:9: completionQueueCapacity: 1 is not a whole number in 2..65536" },
        { "initiallyResident", """[ { "vm": 0, "page": 1 }, { "vm": 0, "page": 1 } ]""", "rig.json:10: initiallyResident[1]: vm0:gpfn1 is listed twice" },
        { "initiallyResident", """[ { "vm": 2, "page": 0 } ]""", "rig.json:10: initiallyResident[0].vm: 2 is not a whole number in 0..1" },
        { "initiallyResident", """[ { "vm": 0, "page": 0 }, { "vm": 0, "page": 1 }, { "vm": 1, "page": 0 }, { "vm": 1, "page": 1 } ]""", "rig.json:10: initiallyResident: 4 entries; at most 3 are allowed" },
        { "pressurePerVm", "-1", "rig.json:11: pressurePerVm: -1 is not a whole number in 0..64" },
        { "payloads", "[]", "rig.json:12: payloads: empty: at least one DMA is needed (nothing happens without one)" },
        { "payloads", null, "rig.json:1: payloads: missing: the DMA writes the device performs, in issue order" },
        { "payloads", """[ { "vm": 5, "page": 0 } ]""", "rig.json:12: payloads[0].vm: 5 is not a whole number in 0..1" },
        { "payloads", """[ { "vm": 0, "page": 4503599627370495 } ]""", "rig.json:12: payloads[0].page: 4503599627370495 is not a whole number in 0..1" },
        { "payloads", """[ { "vm": 0, "page": 0, "offset": 4090, "length": 64 } ]""", "rig.json:12: payloads[0]: offset 4090 + length 64 crosses the end of the 4096-byte page" },
        { "payloads", """[ { "vm": 0, "page": 0, "length": 0 } ]""", "rig.json:12: payloads[0].length: 0 is not a whole number in 1..4096" },
        { "payloads", """[ { "vm": 0, "page": 0, "size": 8 } ]""", "rig.json:12: payloads[0].size: unknown key; valid here: beyondGuestMemory, length, offset, page, vm" },
        { "payloads", """[ 7 ]""", "rig.json:12: payloads[0]: must be an object { ... }, not the number 7" },
        { "design", "\"Magic\"", "rig.json:3: design: unknown design 'Magic'; valid: Claimed, DropOnFault, SkipToNextBuffer, StallAndRetry, CompletionInterrupt" },
        { "design", "\"1\"", "rig.json:3: design: unknown design '1'; valid: Claimed, DropOnFault, SkipToNextBuffer, StallAndRetry, CompletionInterrupt" },
        { "colour", "1", "rig.json:3: colour: unknown key; valid here: $schema, completionQueueCapacity, description, descriptorFormats, design, exhaustive, faultBufferQueueCapacity, faultBuffers, hostFrames, initiallyResident, interrupts, iopfQueueCapacity, iopfQueueFull, pagesPerVm, payloads, pressurePerVm, publication, ringStartCounter, sampling, teardown, translationCompletions, vms" },
        { "teardown", "{ \"vm\": 2 }", "rig.json:3: teardown.vm: 2 is not a whole number in 0..1" },
        { "teardown", "{ \"vm\": 0, \"when\": 3 }", "rig.json:3: teardown.when: unknown key; valid here: vm" },
        { "teardown", "{ }", "rig.json:3: teardown.vm: missing: which VM is torn down (0..1)" },
        { "teardown", "{ \"vm\": 0 }", "rig.json:1: teardown: modelled without evictions (pressurePerVm 0 and a host frame for every guest page)" },
        { "interrupts", "\"pulse\"", "rig.json:3: interrupts: unknown value 'pulse'; valid: level, edge" },
        { "interrupts", "\"Edge\"", "rig.json:3: interrupts: unknown value 'Edge'; valid: level, edge" },
        { "iopfQueueFull", "\"drop\"", "rig.json:3: iopfQueueFull: unknown value 'drop'; valid: backPressure, overflow" },
        { "iopfQueueFull", "\"Overflow\"", "rig.json:3: iopfQueueFull: unknown value 'Overflow'; valid: backPressure, overflow" },
        { "ringStartCounter", "4294967296", "rig.json:3: ringStartCounter: 4294967296 is not a whole number in 0..4294967295" },
        { "description", null, "rig.json:1: description: missing: say in one line what the world exercises" },
        { "description", "\"two\\nlines\"", "rig.json:2: description: must be one line of at most 400 characters" },
        { "sampling", """{ "strategy": "fastest" }""", "rig.json:3: sampling.strategy: unknown strategy 'fastest'; valid: random, portfolio, q-learning, probabilistic, prioritization, fair-prioritization, delay-bounding, fair-delay-bounding" },
        { "sampling", """{ "iterations": 0 }""", "rig.json:3: sampling.iterations: 0 is not a whole number in 1..100000000" },
        { "sampling", """{ "maxSteps": 5 }""", "rig.json:3: sampling.maxSteps: 5 is not a whole number in 10..10000000" },
        { "exhaustive", """{ "states": 10 }""", "rig.json:3: exhaustive.small: missing: true when `iopf verify` and CI explore every interleaving of this world" },
        { "exhaustive", """{ "small": "yes" }""", "rig.json:3: exhaustive.small: must be true or false, not the string \"yes\"" },
        { "descriptorFormats", "\"vt-d\"", "rig.json:3: descriptorFormats: vt-d's 256-bit page request descriptors do not fit the model's 128-bit ring slots (its layouts are proved by the Z3 suite only)" },
        { "descriptorFormats", "\"arm\"", "rig.json:3: descriptorFormats: no format family 'arm'; one of model, amd-vi, riscv, smmuv3" },
        { "completionQueueCapacity", "2", "rig.json:9: completionQueueCapacity: 2 is below the 3 fault buffers (one completion per held buffer must fit)" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void A_bad_field_is_refused_in_one_line_naming_file_line_and_key(string key, string? value, string expected)
    {
        var text = key == "completionQueueCapacity" && value == "2"
            ? World("faultBuffers", """{ "base": 1048576, "bufferSize": 4096, "count": 3 }""")
            : World(key, value);
        var error = Assert.Throws<DataFileException>(() => Parse(text));
        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("{\n  \"vms\": 1,\n  \"vms\": 2\n}\n", "rig.json:3: vms: duplicate key (the first was on line 2)")]
    [InlineData("{\n  \"vms\": 1,\n", "rig.json:3: not valid JSON (Expected start of a property name or value, but instead reached end of data)")]
    [InlineData("[ 1, 2 ]", "rig.json:1: the document must be a JSON object { ... }")]
    [InlineData("{ \"a\": [[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]] }", "rig.json:1: not valid JSON (The maximum configured depth of 16 has been exceeded)")]
    public void A_malformed_file_is_refused_in_one_line(string text, string expected)
    {
        var error = Assert.Throws<DataFileException>(() => Parse(text));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Files_are_named_after_their_world_and_checked_before_reading()
    {
        var folder = Directory.CreateTempSubdirectory("iopf-world-");
        try
        {
            var path = Path.Combine(folder.FullName, "My-Rig_2.json");
            File.WriteAllText(path, World());
            Assert.Equal("My-Rig_2", WorldReader.Load(path).Name);
            Assert.Equal(path, WorldReader.Load(path).Origin);

            var badName = Path.Combine(folder.FullName, "2fast.json");
            File.WriteAllText(badName, World());
            Assert.Equal($"{badName}: the world's name '2fast' must be a letter followed by up to 63 letters, digits, '-' or '_'", Assert.Throws<DataFileException>(() => WorldReader.Load(badName)).Message);

            Assert.Equal($"{folder.FullName}: is a directory, not a world file", Assert.Throws<DataFileException>(() => WorldReader.Load(folder.FullName)).Message);
            var missing = Path.Combine(folder.FullName, "Nope.json");
            Assert.Equal($"{missing}: world file not found", Assert.Throws<DataFileException>(() => WorldReader.Load(missing)).Message);

            var huge = Path.Combine(folder.FullName, "Huge.json");
            File.WriteAllText(huge, new string(' ', JsonSource.MaxBytes + 1));
            Assert.Equal($"{huge}: {JsonSource.MaxBytes + 1} bytes; a world file may have at most {JsonSource.MaxBytes}", Assert.Throws<DataFileException>(() => WorldReader.Load(huge)).Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
