using Iopf.Protocol.Configuration;
using Iopf.Protocol.Observations;

namespace Iopf.Protocol.Parties;

/// <summary>
/// The one place payload bytes land in a host frame: a DMA delivered by the link and the VMM's copy out of a
/// fault buffer both come here, so every write is observed exactly when (and where) it lands.
/// </summary>
public static class GuestWrites
{
    public static void Land(ProtocolContext ctx, int vm, ulong gpa, int frame, int payloadId, int length, WritePath path, StepResult r)
    {
        ctx.Host.Frame(frame).Write(gpa % ModelConfig.PageSize, payloadId);
        r.Observe(new GuestWrite(vm, gpa, frame, payloadId, length, path));
    }
}
