namespace Iopf.Protocol.Configuration;

/// <summary>
/// What happens to a fault report when the IO page fault queue is full: two real disciplines. With back-pressure the
/// device holds the DMA until a slot frees, so the queue can never overflow. With overflow (VT-d's Page Request
/// Overflow bit, the SMMUv3 PRIQ's overflow flag, AMD's PPR log overflow) the report is discarded and the queue's
/// overflow flag set; every report is discarded while it stays set, until software has drained the queue and cleared it.
/// </summary>
public enum IopfQueueFull
{
    /// <summary>The device holds the DMA back until the queue has room: no report is ever discarded.</summary>
    BackPressure,

    /// <summary>A report that finds the queue full (or its overflow flag set) is discarded and auto-answered; the device retries it.</summary>
    Overflow,
}
