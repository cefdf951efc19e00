using System.Reflection.PortableExecutable;
using Iopf.Models.Tracing;

namespace Iopf.Harness.Tests;

/// <summary>
/// A schedule must replay in every clone of the same sources: the fingerprint hashes MVIDs, and an MVID
/// changes with anything compiled into the assembly, the PDB path of its debug directory included.
/// </summary>
public sealed class ModelFingerprintTests
{
    [Fact]
    public void No_fingerprinted_assembly_embeds_the_checkout_path()
    {
        foreach (var assembly in ModelFingerprint.Assemblies)
        {
            using var stream = File.OpenRead(assembly.Location);
            using var pe = new PEReader(stream);
            var codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
            var pdbPath = pe.ReadCodeViewDebugDirectoryData(codeView).Path;
            Assert.DoesNotContain(Repo.Root.TrimEnd('/'), pdbPath, StringComparison.Ordinal);
            Assert.StartsWith("/_/", pdbPath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_fingerprint_is_a_sha256_over_the_four_model_assemblies_in_order()
    {
        Assert.Equal(["Iopf.Protocol", "Iopf.Specs", "Iopf.Worlds", "Iopf.Models"], ModelFingerprint.Assemblies.Select(a => a.GetName().Name));
        Assert.Matches("^sha256:[0-9a-f]{64}$", ModelFingerprint.Current);
    }
}
