using Iopf.Protocol.Messages;

namespace Iopf.Protocol.Parties;

/// <summary>
/// A guest VM under memory pressure: at moments the scheduler picks, it asks the VMM to reclaim one of its
/// resident pages, so evictions race the device's DMA and the fault handling.
/// </summary>
public static class Guest
{
    /// <param name="choice">Which resident page to reclaim: the one nondeterministic input of this step, chosen by the explorer.</param>
    public static void Tick(GuestState s, int choice, StepResult r)
    {
        if (s.PressureLeft <= 0)
        {
            return;
        }

        s.PressureLeft--;
        r.Send(Role.Vmm, new MemoryPressure(s.Vm, choice));
        if (s.PressureLeft > 0)
        {
            r.Send(Role.Guest, new GuestTick(), s.Vm);
        }
    }
}
