namespace Iopf.Protocol.Memory;

/// <summary>
/// One DMA write the device is asked to perform: Length bytes to guest physical address Gpa of VM Vm.
/// The payload's identity stands for its bytes: Id is unique and increases in issue order, so a later
/// payload to the same GPA has a larger Id (what the ordering and stale-overwrite checks rely on).
/// </summary>
public sealed record Payload(int Id, int Vm, ulong Gpa, int Length)
{
    public ulong Page(ulong pageSize) => Gpa / pageSize;

    public ulong Offset(ulong pageSize) => Gpa % pageSize;

    public override string ToString() => $"P{Id}(vm{Vm}@0x{Gpa:x}+{Length})";
}
