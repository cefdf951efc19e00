using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Specs.Judging;

namespace Iopf.Models.Designs;

/// <summary>
/// One deterministic run of the protocol's step functions under the reference schedule (one global FIFO of
/// messages, guests always choosing their first candidate page), judged like every other engine: the first
/// violation is the run's verdict (judging stops there), but the run goes on to rest, because the design cost
/// figures need the whole run. No Coyote: this is where those figures come from, and a quick sanity check of the core.
/// </summary>
public static class ReferenceRun
{
    public const int StepBound = 10_000;

    public static ReferenceResult Run(ModelConfig config)
    {
        var judge = Judge.OfEveryProperty();
        Verdict? verdict = null;
        var (world, start) = World.Create(config);
        var pending = new Queue<Envelope>();
        void Absorb(StepResult r)
        {
            verdict ??= judge.Observe(r.Observations);
            foreach (var e in r.Sends)
            {
                pending.Enqueue(e);
            }
        }

        Absorb(start);
        var steps = 0;
        while (pending.Count > 0 && steps < StepBound)
        {
            steps++;
            Absorb(world.Deliver(pending.Dequeue()));
        }

        var terminated = pending.Count == 0;
        if (verdict is null && judge.FirstObligation() is { } owed)
        {
            verdict = terminated ? owed : owed with { Sentence = $"still owed after {StepBound} steps (livelock): {owed.Sentence}" };
        }

        return new ReferenceResult(world, steps, terminated, verdict);
    }
}

/// <summary>The end state of a reference run, its length, whether it came to rest, and its verdict (null: every property held).</summary>
public sealed record ReferenceResult(World World, int Steps, bool Terminated, Verdict? Verdict)
{
    /// <summary>Device steps taken while payloads were held back.</summary>
    public int StallSteps => World.Device.StallSteps;

    /// <summary>Most payloads held at once (fault buffers or device hold slots).</summary>
    public int PeakHeld => World.Device.PeakHeld;
}
