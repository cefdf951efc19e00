namespace Iopf.Tests.Models;

/// <summary>Coyote testing engines run one at a time: keeps each exploration's timing and output undisturbed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CoyoteCollection
{
    public const string Name = "Coyote";
}
