namespace Iopf.Protocol.Parties;

/// <summary>A guest VM's view: how much memory pressure it still has to apply.</summary>
public sealed class GuestState(int vm, int pressureLeft)
{
    public int Vm { get; } = vm;

    public int PressureLeft { get; set; } = pressureLeft;

    public GuestState Clone() => new(Vm, PressureLeft);
}
