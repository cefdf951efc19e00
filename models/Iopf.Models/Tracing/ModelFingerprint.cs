using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Iopf.Models.Entry;
using Iopf.Protocol.Messages;
using Iopf.Specs.Properties;
using Iopf.Worlds;

namespace Iopf.Models.Tracing;

/// <summary>
/// Identifies the model a schedule was recorded against: SHA-256 over the module version ids (MVIDs) of
/// Iopf.Protocol, Iopf.Specs, Iopf.Worlds (the mutant table: which decision each mutant changes) and
/// Iopf.Models, in that order, one "name:mvid" line each. The build is
/// deterministic, so the MVID is a hash of the compiled code: the fingerprint is the same for every build
/// of the same sources and changes with any change to the protocol, the properties, the machines or the
/// scenarios, which is exactly when a recorded schedule may stop meaning what it meant.
/// </summary>
public static class ModelFingerprint
{
    /// <summary>What defines the model whatever the engine: the protocol rules, the properties, the worlds and mutants.</summary>
    public static IReadOnlyList<Assembly> Core { get; } =
    [
        typeof(Message).Assembly,
        typeof(PropertySet).Assembly,
        typeof(WorldDefinition).Assembly,
    ];

    /// <summary>The core and the Coyote machines that sampled schedules are recorded against.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } = [.. Core, typeof(WorldRunner).Assembly];

    public static string Current { get; } = Of(Assemblies);

    /// <summary>The fingerprint over these assemblies, in this order (an engine adds its own to <see cref="Core"/>).</summary>
    public static string Of(IEnumerable<Assembly> assemblies)
    {
        var lines = assemblies.Select(a => $"{a.GetName().Name}:{a.ManifestModule.ModuleVersionId:D}\n");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines)));
        return "sha256:" + Convert.ToHexStringLower(hash);
    }
}
