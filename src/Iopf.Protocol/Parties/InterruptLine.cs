using Iopf.Protocol.Configuration;
using Iopf.Protocol.Queues;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The interrupt of the IO page fault queue: when publishing a fault descriptor interrupts the driver, and whether
/// an idle driver is interrupted again. It is a register both parties reach (the device raises it, the driver takes
/// it), so it lives in the pinned memory beside the ring it belongs to.
/// </summary>
public sealed class InterruptLine
{
    public InterruptLine(InterruptTrigger trigger)
    {
        Trigger = trigger;
    }

    private InterruptLine(InterruptLine other)
    {
        Trigger = other.Trigger;
        Pending = other.Pending;
    }

    public InterruptTrigger Trigger { get; }

    /// <summary>Edge only: an interrupt was raised and the driver has not taken it yet (VT-d's Pending Page Request bit).</summary>
    public bool Pending { get; private set; }

    /// <summary>
    /// A descriptor was just published on <paramref name="ring"/>: whether the driver is interrupted for it. A level
    /// line is asserted while the ring holds entries, which the model delivers as one interrupt per entry (the
    /// driver sees the line high whenever there is something to take). An edge fires only on the entry that made the
    /// ring non-empty, and not while an earlier interrupt is still pending.
    /// </summary>
    public bool Raise(RingQueue ring)
    {
        switch (Trigger)
        {
            case InterruptTrigger.Level:
                return true;
            default:
                if (ring.Count != 1 || Pending)
                {
                    return false;
                }

                Pending = true;
                return true;
        }
    }

    /// <summary>The driver takes the interrupt: a later empty-to-non-empty transition raises a new one.</summary>
    public void Take() => Pending = false;

    /// <summary>
    /// Whether the line still interrupts a driver that is about to go idle: a level line does while the ring holds
    /// entries (so a driver that stops early is called again), an edge line never does.
    /// </summary>
    public bool StillAsserted(RingQueue ring) => Trigger == InterruptTrigger.Level && !ring.IsEmpty;

    public InterruptLine Clone() => new(this);
}
