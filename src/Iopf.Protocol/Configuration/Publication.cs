namespace Iopf.Protocol.Configuration;

/// <summary>
/// How a descriptor the device writes into one of its rings (the IO page fault queue, the fault buffer queue)
/// becomes visible to the driver, and at which granularity the driver reads it back.
/// </summary>
public enum Publication
{
    /// <summary>
    /// One step each: the slot write and the producer index publication together, the driver's index read, slot
    /// read and consumer index write together. Sound for the properties checked when the hardware orders the slot
    /// before the index and the driver reads the index before the slot and frees the slot after it (README).
    /// </summary>
    Atomic,

    /// <summary>
    /// Split into bus events: the slot write, then the index publication (with the interrupt it raises), both on the
    /// device's link, so in that order; the driver reads the producer index in one step and the slot in the next. The
    /// hardware guarantees slot before index (SMMUv3), so the driver relies on the order and checks nothing.
    /// </summary>
    Ordered,

    /// <summary>
    /// As <see cref="Ordered"/>, but the index (and its interrupt) may be published before the slot write lands, as on
    /// AMD IOMMUs with erratum 733 (Linux amd/ppr.c: "Interrupt may arrive before the entry is written to memory").
    /// The driver must defend: it takes a slot only once its Valid bit is set and clears the slot after reading it.
    /// </summary>
    IndexMayPassSlot,
}
