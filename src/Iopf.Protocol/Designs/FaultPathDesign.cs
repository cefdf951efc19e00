using Iopf.Protocol.Descriptors;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Parties;

namespace Iopf.Protocol.Designs;

/// <summary>
/// The fault-path seam: one way for device, driver and VMM to handle a DMA that hits a not-present guest
/// page. The device's common steps (ATC, ATS translation, ordering, the report rings) call it; each design
/// is one subclass in a file of its own, registered in <see cref="DesignRegistry"/>.
/// </summary>
public abstract class FaultPathDesign
{
    /// <summary>The name worlds, the CLI and reports use (also what <see cref="ToString"/> returns).</summary>
    public abstract string Name { get; }

    /// <summary>One line on what the design does, shown beside its row of the design matrix.</summary>
    public abstract string Summary { get; }

    /// <summary>The device parks payloads in host fault buffers, reported through the fault buffer queue, and the VMM copies them.</summary>
    public virtual bool UsesFaultBuffers => false;

    /// <summary>True while the whole DMA stream must wait (a design that stalls on any outstanding fault).</summary>
    public virtual bool HeadOfLineBlocked(DeviceState s) => false;

    /// <summary>The device's translation failed (or must queue behind a fault): what happens to the payload.</summary>
    public abstract void OnFault(DeviceState s, ProtocolContext ctx, Payload p, StepResult r);

    /// <summary>The driver completed one of this device's faults (the doorbell was rung and the entry popped).</summary>
    public virtual void OnCompletion(DeviceState s, ProtocolContext ctx, OutstandingFault fault, CompletionDescriptor completion, StepResult r) =>
        Device.RefreshAtc(s, ctx, fault, completion, r);

    /// <summary>Resources may have come back (a report finished, a completion arrived): send held payloads on.</summary>
    public virtual void RetryHeld(DeviceState s, ProtocolContext ctx, StepResult r) => Device.RedispatchHeld(s, ctx, r);

    /// <summary>The reason a property does not apply to this design, or null when it applies.</summary>
    public virtual string? NotApplicable(string property) => null;

    /// <summary>A note on how a property reads for this design (shown beside the verdict), or null.</summary>
    public virtual string? Scope(string property) => null;

    public sealed override string ToString() => Name;
}
