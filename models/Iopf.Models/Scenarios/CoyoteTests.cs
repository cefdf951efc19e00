using Microsoft.Coyote.SystematicTesting;

namespace Iopf.Models.Scenarios;

/// <summary>
/// The scenarios as Coyote test entry points: `dotnet coyote test Iopf.Models.dll -m SingleFault`.
/// Mutants are switched on with IOPF_MUTANTS=Name[,Name] in the environment.
/// </summary>
public static class CoyoteTests
{
    [Test]
    public static void SingleFault(Microsoft.Coyote.Actors.IActorRuntime runtime) => Run(runtime, ScenarioCatalog.SingleFault);

    [Test]
    public static void FaultBurst(Microsoft.Coyote.Actors.IActorRuntime runtime) => Run(runtime, ScenarioCatalog.FaultBurst);

    [Test]
    public static void OvercommitEvictionRace(Microsoft.Coyote.Actors.IActorRuntime runtime) => Run(runtime, ScenarioCatalog.OvercommitEvictionRace);

    [Test]
    public static void AtcInvalidationRacesCompletion(Microsoft.Coyote.Actors.IActorRuntime runtime) => Run(runtime, ScenarioCatalog.AtcInvalidationRacesCompletion);

    [Test]
    public static void SharedPoolTwoFunctions(Microsoft.Coyote.Actors.IActorRuntime runtime) => Run(runtime, ScenarioCatalog.SharedPoolTwoFunctions);

    [Test]
    public static void QueueFullAndWrap(Microsoft.Coyote.Actors.IActorRuntime runtime) => Run(runtime, ScenarioCatalog.QueueFullAndWrap);

    [Test]
    public static void SamePageTwice(Microsoft.Coyote.Actors.IActorRuntime runtime) => Run(runtime, ScenarioCatalog.SamePageTwice);

    [Test]
    public static void EvictAfterResolve(Microsoft.Coyote.Actors.IActorRuntime runtime) => Run(runtime, ScenarioCatalog.EvictAfterResolve);

    [Test]
    public static void StaleCompletionFrame(Microsoft.Coyote.Actors.IActorRuntime runtime) => Run(runtime, ScenarioCatalog.StaleCompletionFrame);

    private static void Run(Microsoft.Coyote.Actors.IActorRuntime runtime, Scenario scenario) =>
        ScenarioRunner.Start(runtime, scenario.WithMutants(MutantSelection.FromEnvironment()).Config);
}
