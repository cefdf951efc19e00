using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;
using Iopf.Worlds;
using Iopf.Worlds.Mutants;
using Xunit.Abstractions;

namespace Iopf.Exhaustive.Tests;

/// <summary>
/// The model runs on a real format (issue 16, item 5): every small world of the CI set, explored exhaustively
/// with its page requests and responses written in each real family the model runs (smmuv3, amd-vi, riscv),
/// gives the model family's verdict; every mutant is caught the same way; and a broken pairing is a protocol
/// verdict, not only a Z3 refutation.
/// </summary>
public class FormatFamilyTests(ITestOutputHelper output)
{
    private static readonly string[] RealFamilies = [.. PageRequestCodec.Families.Where(f => f != FormatCatalog.ModelFamily)];

    // A world whose index may pass its slot needs the model's formats: the driver waits for their Valid bit, which the
    // real page request formats do not all have (ModelConfig refuses the combination).
    public static TheoryData<string> SmallWorlds() => [.. WorldCatalog.BuiltIn.Where(w => w.IsSmall && RunsOnRealFamilies(w.Config)).Select(w => w.Name)];

    public static TheoryData<string> Mutants() => [.. Mutant.All.Where(m => RunsOnRealFamilies(TestWorlds.Config(m.Exhaustive.World))).Select(m => m.Name)];

    private static bool RunsOnRealFamilies(ModelConfig config) => config.Publication != Publication.IndexMayPassSlot;

    private static PageRequestCodec Codec(string family) => PageRequestCodec.Find(family, out var problem) ?? throw new ArgumentException(problem);

    private static ModelConfig On(ModelConfig config, string family) => config with { Codec = Codec(family) };

    [Fact]
    public void The_model_runs_three_real_families()
    {
        Assert.Equal(["amd-vi", "riscv", "smmuv3"], RealFamilies);
    }

    /// <summary>
    /// The same verdict (clean, every interleaving explored) on every family. The state spaces of the three real
    /// families are equal to each other, and no larger than the model family's pin: a real page request carries
    /// less than the model's fault descriptor (no Ordered flag, fault buffer, length or in-page offset; those
    /// travel in the buffer-location descriptor and the device's record), so states the model tells apart only
    /// by those bits of a ring slot (an unread one, or a stale one no step reads) are one state here.
    /// </summary>
    [Theory]
    [MemberData(nameof(SmallWorlds))]
    public void Every_small_world_gives_the_same_verdict_on_every_real_family(string name)
    {
        var world = WorldCatalog.Find(name)!;
        var model = world.Config.Codec.IsModel ? world.Exhaustive!.States : ExhaustiveExplorer.Explore(world.Config with { Codec = PageRequestCodec.Model }).States;
        var counts = new List<(long States, long Transitions)>();
        foreach (var family in RealFamilies)
        {
            var result = ExhaustiveExplorer.Explore(On(world.Config, family));
            output.WriteLine($"{name} on {family}: {result.Summary}");
            Assert.True(result.Violation is null, result.Violation is { } v ? $"{family}: {CounterexampleRenderer.Text(v)}" : null);
            Assert.True(result.Complete);
            Assert.Equal(0, result.CompletionUnreachableStates);
            Assert.InRange(result.States, 1, model!.Value);
            counts.Add((result.States, result.Transitions));
        }

        Assert.Single(counts.Distinct());
    }

    /// <summary>
    /// Every mutant of the table is caught on every real family by its property, with the same kind and the same
    /// shortest length. One mutant reads a field no real response has: TrustCompletionFrame installs the frame the
    /// completion names, and a real family's response names none (the device reads 0), so the frame it trusts is
    /// wrong at once and its shortest counterexample is shorter (23 steps, not 31); the verdict is the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(Mutants))]
    public void Every_mutant_is_caught_alike_on_every_real_family(string name)
    {
        var mutant = Mutant.Find(name)!;
        var pin = mutant.Exhaustive;
        foreach (var family in RealFamilies)
        {
            var result = ExhaustiveExplorer.Explore(On(TestWorlds.Config(pin.World, mutant), family));
            var violation = Assert.IsType<Counterexample>(result.Violation);
            output.WriteLine($"{name} on {family}: {violation.Property} ({violation.Kind}) in {violation.Length} steps");
            var sameLength = name == "TrustCompletionFrame" ? violation.Length <= pin.Length : violation.Length == pin.Length;
            Assert.True(
                mutant.Property == violation.Property && Enum.Parse<ViolationKind>(pin.Kind) == violation.Kind && sameLength,
                $"{family}: {CounterexampleRenderer.Text(violation)}");
        }
    }

    /// <summary>
    /// The alternative designs (page requests without fault buffers among them) on FaultBurst: the same verdict on
    /// smmuv3 as on the model's formats, with the same state count (FaultBurst's faults never share a page).
    /// </summary>
    [Theory]
    [InlineData("DropOnFault")]
    [InlineData("SkipToNextBuffer")]
    [InlineData("StallAndRetry")]
    [InlineData("CompletionInterrupt")]
    public void Every_design_gives_the_same_verdict_on_smmuv3(string design)
    {
        var config = TestWorlds.Config("FaultBurst") with { Design = Protocol.Designs.DesignRegistry.Find(design)! };
        var model = ExhaustiveExplorer.Explore(config);
        var smmu = ExhaustiveExplorer.Explore(On(config, "smmuv3"));
        Assert.Equal(model.Violation?.Property, smmu.Violation?.Property);
        Assert.Equal(model.Violation?.Length, smmu.Violation?.Length);
        Assert.Equal((model.States, model.Transitions), (smmu.States, smmu.Transitions));
    }

    /// <summary>
    /// A layout bug shows up as a protocol verdict: the Z3 suite's broken SMMUv3 pairing that fills the response's
    /// GrpId from the request's Ssid answers PRG index 0x100 (the PASID's low bits) instead of the fault's, and the
    /// device is handed a completion for no outstanding fault.
    /// </summary>
    [Fact]
    public void A_response_group_index_echoed_from_the_wrong_field_is_a_completion_for_no_outstanding_fault()
    {
        var result = ExhaustiveExplorer.Explore(TestWorlds.Config("SingleFault") with { Codec = Rewired("smmuv3", "GrpId", "Ssid") });
        var violation = Assert.IsType<Counterexample>(result.Violation);
        Assert.Equal("CompletionAnswersOutstandingFault", violation.Property);
        Assert.Contains("fault #256, which is not outstanding", CounterexampleRenderer.Text(violation));
    }

    /// <summary>
    /// A response PASID filled from the stream id names PASID 0, not the function's 0x100: the device discards
    /// the response (PCIe PRI: it matches no outstanding request), so the fault is never completed.
    /// </summary>
    [Fact]
    public void A_response_pasid_echoed_from_the_wrong_field_leaves_the_fault_uncompleted()
    {
        var result = ExhaustiveExplorer.Explore(TestWorlds.Config("SingleFault") with { Codec = Rewired("smmuv3", "Ssid", "Sid") });
        var violation = Assert.IsType<Counterexample>(result.Violation);
        Assert.Equal("EveryFaultCompleted", violation.Property);
    }

    /// <summary>
    /// The other broken twins of the Z3 suite lose bits the model's values never set (PASID bits 16..19, requester
    /// id bits 16..23) or echo a flag that is always equal to the right one (SMMUv3's PRG-last, set on every
    /// single-page request): the protocol cannot see them, which is why the proofs quantify over every value.
    /// </summary>
    [Theory]
    [InlineData("amd-vi", "Pasid", "PasidLo")]
    [InlineData("smmuv3", "Ssv", "PrgLast")]
    public void A_broken_pairing_the_model_values_never_exercise_stays_clean(string family, string response, string request)
    {
        var result = ExhaustiveExplorer.Explore(TestWorlds.Config("SingleFault") with { Codec = Rewired(family, response, request) });
        Assert.Null(result.Violation);
    }

    private static PageRequestCodec Rewired(string family, string responseField, string requestField)
    {
        var pairing = FormatCatalog.Pairings.Single(p => p.Request.Family == family);
        var from = pairing.Request.Layout[requestField];
        var echoes = pairing.Echoes.Select(e => e.Response.Name == responseField ? new Echo(e.Response, from, null) : e).ToList();
        return PageRequestCodec.Over(pairing with { Name = $"{pairing.Name}{responseField}From{requestField}", Echoes = echoes });
    }
}
