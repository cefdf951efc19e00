namespace Iopf.Harness.Tests;

/// <summary>Coyote testing engines run one at a time, so each test's timing and exploration stay undisturbed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HarnessCollection
{
    public const string Name = "Harness";
}
