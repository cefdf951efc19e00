using Iopf.Protocol.Messages;

namespace Iopf.Exhaustive;

/// <summary>
/// Numbers the parties' inboxes: Device, Iommu, Driver, Vmm and Link take slots 0-4 (their <see cref="Role"/> values),
/// guest VM i takes slot 5 + i. A global state keeps one FIFO inbox per slot, as Coyote keeps one per actor.
/// </summary>
public sealed class PartySlots(int vms)
{
    private const int FirstGuest = (int)Role.Guest;

    public int Count { get; } = FirstGuest + vms;

    public int SlotOf(Envelope envelope) => envelope.To == Role.Guest ? FirstGuest + envelope.Index : (int)envelope.To;

    /// <summary>The party at slot, as an envelope addresses it (the inverse of <see cref="SlotOf"/>).</summary>
    public static (Role Role, int Index) PartyAt(int slot) => slot < FirstGuest ? ((Role)slot, 0) : (Role.Guest, slot - FirstGuest);

    public static string Name(int slot) => slot < FirstGuest ? ((Role)slot).ToString() : $"Guest{slot - FirstGuest}";
}
