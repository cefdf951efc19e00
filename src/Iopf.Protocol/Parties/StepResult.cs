using Iopf.Protocol.Messages;
using Iopf.Protocol.Observations;

namespace Iopf.Protocol.Parties;

/// <summary>What one step produced: messages to send (in order) and observations for the monitors (in order).</summary>
public sealed class StepResult
{
    public List<Envelope> Sends { get; } = [];

    public List<Observation> Observations { get; } = [];

    /// <summary>The decision points the step consulted (bit i: <see cref="Coverage.DecisionLog.Decisions"/>[i]), for coverage.</summary>
    public ulong Decisions { get; set; }

    public void Send(Role to, Message message, int index = 0) => Sends.Add(new Envelope(to, index, message));

    public void Observe(Observation observation) => Observations.Add(observation);
}
