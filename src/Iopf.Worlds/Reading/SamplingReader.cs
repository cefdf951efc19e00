using Iopf.Worlds.Sampling;

namespace Iopf.Worlds.Reading;

/// <summary>Reads a Coyote budget (a world's "sampling" section or the plan's "defaults"): every key optional.</summary>
public static class SamplingReader
{
    public static SamplingOverrides Read(JsonFields fields)
    {
        Strategy? strategy = null;
        if (fields.String("strategy") is { } name)
        {
            strategy = StrategyNames.TryParse(name, out var s)
                ? s
                : throw fields.Problem("strategy", $"unknown strategy '{name}'; valid: {string.Join(", ", StrategyNames.All)}");
        }

        return new SamplingOverrides(
            (uint?)fields.Integer("iterations", 1, WorldLimits.MaxIterations),
            strategy,
            (uint?)fields.Integer("maxSteps", 10, WorldLimits.MaxSchedulingSteps),
            (uint?)fields.Integer("seed", 0, uint.MaxValue),
            (uint?)fields.Integer("strategyBound", 1, 10_000));
    }
}
