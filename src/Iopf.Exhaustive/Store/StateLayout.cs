namespace Iopf.Exhaustive;

/// <summary>
/// Where each component's id sits in a state vector: one party state per slot (<see cref="PartySlots"/>), the
/// pinned memory, the host memory, one inbox per slot, one checker per property in reporting order.
/// </summary>
internal sealed class StateLayout(int slots, int properties)
{
    public int Slots { get; } = slots;

    public int Properties { get; } = properties;

    public int Pinned => Slots;

    public int Host => Slots + 1;

    public int Width => (2 * Slots) + 2 + Properties;

    public static int Party(int slot) => slot;

    public int Inbox(int slot) => Slots + 2 + slot;

    public int Property(int index) => (2 * Slots) + 2 + index;
}
