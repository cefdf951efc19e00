using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Specs.Properties;

namespace Iopf.Models.Designs;

/// <summary>
/// One deterministic run of the protocol's step functions under the reference schedule (one global FIFO of
/// messages, guests always choosing their first candidate page), checking every property. No Coyote: this
/// is where the design cost figures come from, and a quick sanity check of the core.
/// </summary>
public static class ReferenceRun
{
    public const int StepBound = 10_000;

    public static ReferenceResult Run(ModelConfig config)
    {
        var properties = PropertySet.Create();
        var verdicts = new List<(string Property, string Verdict)>();
        var (world, start) = World.Create(config);
        var pending = new Queue<Envelope>();
        void Absorb(StepResult r)
        {
            foreach (var o in r.Observations)
            {
                foreach (var p in properties)
                {
                    if (p.Observe(o) is { } verdict)
                    {
                        verdicts.Add((p.Name, verdict));
                    }
                }
            }

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
        foreach (var p in properties)
        {
            if (p.Obligation is { } owed)
            {
                verdicts.Add((p.Name, terminated ? owed : $"still owed after {StepBound} steps (livelock): {owed}"));
            }
        }

        return new ReferenceResult(world, steps, terminated, verdicts);
    }
}

/// <summary>The end state of a reference run, its length, whether it came to rest, and every verdict in order.</summary>
public sealed record ReferenceResult(World World, int Steps, bool Terminated, IReadOnlyList<(string Property, string Verdict)> Verdicts)
{
    /// <summary>Device steps taken while payloads were held back.</summary>
    public int StallSteps => World.Device.StallSteps;

    /// <summary>Most payloads held at once (fault buffers or device hold slots).</summary>
    public int PeakHeld => World.Device.PeakHeld;

    /// <summary>VMM copies out of fault buffers per accepted payload.</summary>
    public double CopiesPerPayload => World.Config.Payloads.Length == 0 ? 0 : (double)World.Vmm.Copies / World.Config.Payloads.Length;
}
