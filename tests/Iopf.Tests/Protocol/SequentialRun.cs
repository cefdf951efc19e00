using Iopf.Protocol.Configuration;
using Iopf.Protocol.Messages;
using Iopf.Protocol.Parties;
using Iopf.Specs.Properties;

namespace Iopf.Tests.Protocol;

/// <summary>
/// Drives the core's step functions under one fixed schedule (global FIFO), checking every property:
/// the protocol core tested with no Coyote in the way.
/// </summary>
internal static class SequentialRun
{
    public static (World World, List<string> Verdicts) Run(ModelConfig config, int choice = 0)
    {
        var properties = PropertySet.Create();
        var verdicts = new List<string>();
        var (world, start) = World.Create(config);
        var pending = new Queue<Envelope>();
        void Absorb(StepResult r)
        {
            foreach (var o in r.Observations)
            {
                verdicts.AddRange(properties.Select(p => p.Observe(o)).OfType<string>());
            }

            foreach (var e in r.Sends)
            {
                pending.Enqueue(e);
            }
        }

        Absorb(start);
        var steps = 0;
        while (pending.Count > 0 && steps++ < 10_000)
        {
            Absorb(world.Deliver(pending.Dequeue(), choice));
        }

        verdicts.AddRange(properties.Select(p => p.Obligation).OfType<string>());
        return (world, verdicts);
    }
}
