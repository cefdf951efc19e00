namespace Iopf.Tests.Models;

/// <summary>
/// The in-process Coyote explorations, in two collections that run beside each other (xunit runs one
/// collection's tests one at a time): the sampling of every world is about half of this project's time, the
/// kill table, witnesses, replays and the design matrix the other half, so on the 2-core CI machine the
/// project takes the time of the longer half. Concurrent TestingEngines are independent (the harness's
/// --parallel shards run them side by side), and no test here asserts a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CoyoteCollection
{
    public const string Name = "Coyote";

    /// <summary>The collection of the per-world sampling theory (WorldSamplingTests).</summary>
    public const string Sampling = "Coyote sampling";
}

/// <summary>The second collection (see <see cref="CoyoteCollection"/>).</summary>
[CollectionDefinition(CoyoteCollection.Sampling)]
public sealed class CoyoteSamplingCollection;
