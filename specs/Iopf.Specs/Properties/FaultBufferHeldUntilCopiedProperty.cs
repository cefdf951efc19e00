using System.Collections.Frozen;
using Iopf.Protocol.Observations;

namespace Iopf.Specs.Properties;

/// <summary>
/// A fault buffer is held until its payload is copied out: it is never reused or freed before the copy (or
/// before its payload was rejected explicitly), never freed twice, and a copy finds the payload it was meant
/// for. It judges neutral facts (stored, copied, freed): a double free is concluded here from the history, not
/// reported by the pool. The rings are judged by RingsDeliverEveryDescriptorInOrder.
/// </summary>
public sealed class FaultBufferHeldUntilCopiedProperty : IProperty
{
    private SortedDictionary<int, (int PayloadId, bool Copied)> held = [];

    public string Name => "FaultBufferHeldUntilCopied";

    /// <summary>The observation types this property reads; the monitors are shown only these.</summary>
    // One set for every copy: checkers are cloned at every explored state, and building a set per clone is costly.
    private static readonly IReadOnlySet<Type> ObservedTypes = new[] { typeof(FaultBufferStored), typeof(FaultBufferCopied), typeof(PayloadRejected), typeof(FaultBufferFreed) }.ToFrozenSet();

    public IReadOnlySet<Type> Observes => ObservedTypes;

    public string? Obligation => null;

    public string? Observe(Observation observation)
    {
        switch (observation)
        {
            case FaultBufferStored stored:
                if (held.TryGetValue(stored.Buffer, out var previous) && !previous.Copied)
                {
                    return $"fault buffer {stored.Buffer} reused for P{stored.PayloadId} while P{previous.PayloadId} was not yet copied out";
                }

                held[stored.Buffer] = (stored.PayloadId, false);
                return null;
            case FaultBufferCopied copied:
                if (!held.TryGetValue(copied.Buffer, out var holding))
                {
                    return $"copy out of fault buffer {copied.Buffer}, which holds no payload";
                }

                if (copied.PayloadId != holding.PayloadId)
                {
                    return $"copy out of fault buffer {copied.Buffer} found {(copied.PayloadId is { } id ? $"P{id}" : "nothing")} instead of P{holding.PayloadId}";
                }

                held[copied.Buffer] = holding with { Copied = true };
                return null;
            case PayloadRejected rejected:
                // A payload rejected explicitly (its fault answered Invalid Request) has nothing left to be copied for.
                foreach (var (buffer, (payloadId, _)) in held.Where(h => h.Value.PayloadId == rejected.Payload.Id).ToList())
                {
                    held[buffer] = (payloadId, true);
                }

                return null;
            case FaultBufferFreed freed:
                // Every buffer is stored into as it is allocated, so one that holds nothing here has been freed
                // since its last store: this free is the second.
                if (!held.Remove(freed.Buffer, out var was))
                {
                    return $"fault buffer {freed.Buffer} freed twice (nothing was stored in it since it was last freed)";
                }

                if (!was.Copied)
                {
                    return $"fault buffer {freed.Buffer} freed before P{was.PayloadId} was copied out of it";
                }

                return null;
            default:
                return null;
        }
    }

    public void WriteCanonical(BinaryWriter writer)
    {
        writer.Write(held.Count);
        foreach (var (buffer, (payloadId, copied)) in held)
        {
            writer.Write(buffer);
            writer.Write(payloadId);
            writer.Write(copied);
        }
    }

    public IProperty Clone() => new FaultBufferHeldUntilCopiedProperty { held = new(held) };
}
