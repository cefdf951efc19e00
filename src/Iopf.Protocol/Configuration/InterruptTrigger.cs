namespace Iopf.Protocol.Configuration;

/// <summary>
/// How the IO page fault queue's interrupt reaches the driver. A level line stays asserted while the queue holds
/// entries; an edge fires once when the queue goes from empty to non-empty, as the SMMUv3 PRIQ/EVTQ and VT-d page
/// request interrupts do (VT-d raises it only while its Pending Page Request bit is clear, Linux prq.c clears that
/// bit before reading the queue "to ensure that we get a new interrupt if needed").
/// </summary>
public enum InterruptTrigger
{
    /// <summary>Asserted while the queue is non-empty: a driver that goes idle with entries left is interrupted again.</summary>
    Level,

    /// <summary>One interrupt per empty-to-non-empty transition, none while one is pending: a driver that goes idle early is not.</summary>
    Edge,
}
