using Microsoft.Coyote.Actors;
using Microsoft.Coyote.SystematicTesting;

namespace Iopf.Models.Entry;

/// <summary>
/// The Coyote test entry point: `IOPF_WORLD=SingleFault dotnet coyote test Iopf.Models.dll -m World`.
/// IOPF_WORLD names a built-in world or the path of a world file; IOPF_MUTANTS=Name[,Name] switches mutants
/// on. One entry serves every world, so a world is added by adding its file, never by adding code.
/// </summary>
public static class CoyoteTests
{
    [Test]
    public static void World(IActorRuntime runtime) =>
        WorldRunner.Start(runtime, WorldSelection.FromEnvironment().WithMutants(MutantSelection.FromEnvironment()).Config);
}
