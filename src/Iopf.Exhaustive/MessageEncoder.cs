using Iopf.Protocol.Messages;

namespace Iopf.Exhaustive;

/// <summary>
/// Canonical bytes of a message: a type tag, then every field in declaration order. A message type it does not
/// know is an error, never a silent collision: add it here when the protocol grows one.
/// </summary>
public static class MessageEncoder
{
    public static void Write(CanonicalWriter w, Message message)
    {
        switch (message)
        {
            case IssueNextDma:
                w.Write((byte)1);
                break;
            case TranslationRequest m:
                w.Write((byte)2);
                w.Write(m.Function);
                w.Write(m.Page);
                w.Write(m.Job);
                break;
            case TranslationResponse m:
                w.Write((byte)3);
                w.Write(m.Function);
                w.Write(m.Page);
                w.Write(m.Job);
                WriteOptional(w, m.Frame);
                break;
            case FinishFaultReport m:
                w.Write((byte)4);
                w.Write(m.Sequence);
                break;
            case FaultInterrupt:
                w.Write((byte)5);
                break;
            case ResolveFault m:
                w.Write((byte)6);
                w.Write(m.Sequence);
                w.Write(m.Vm);
                w.Write(m.Page);
                break;
            case PageReady m:
                w.Write((byte)7);
                w.Write(m.Sequence);
                w.Write(m.Frame);
                break;
            case CopyPayload m:
                w.Write((byte)8);
                w.Write(m.Sequence);
                w.Write(m.Buffer);
                w.Write(m.Vm);
                w.Write(m.Gpa);
                w.Write(m.Length);
                break;
            case CopyDone m:
                w.Write((byte)9);
                w.Write(m.Sequence);
                break;
            case ReleaseTranslation:
                w.Write((byte)31);
                break;
            case PageUnavailable m:
                w.Write((byte)30);
                w.Write(m.Sequence);
                break;
            case CompletionDoorbell:
                w.Write((byte)10);
                break;
            case MapPage m:
                w.Write((byte)11);
                w.Write(m.Function);
                w.Write(m.Page);
                w.Write(m.Frame);
                w.Write(m.Token);
                break;
            case MapDone m:
                w.Write((byte)12);
                w.Write(m.Token);
                break;
            case UnmapPage m:
                w.Write((byte)13);
                w.Write(m.Function);
                w.Write(m.Page);
                w.Write(m.Token);
                break;
            case UnmapDone m:
                w.Write((byte)14);
                w.Write(m.Token);
                break;
            case AtcInvalidate m:
                w.Write((byte)15);
                w.Write(m.Function);
                w.Write(m.Page);
                w.Write(m.Token);
                break;
            case AtcInvalidateAck m:
                w.Write((byte)16);
                w.Write(m.Token);
                break;
            case GuestTick:
                w.Write((byte)17);
                break;
            case MemoryPressure m:
                w.Write((byte)18);
                w.Write(m.Vm);
                w.Write(m.Choice);
                break;
            case PostedWrite m:
                w.Write((byte)19);
                w.Write(m.Vm);
                w.Write(m.Gpa);
                w.Write(m.Frame);
                w.Write(m.PayloadId);
                w.Write(m.Length);
                break;
            case RingSlotWrite m:
                w.Write((byte)32);
                w.Write((byte)m.Ring);
                w.Write(m.Index);
                w.Write((ulong)m.Word);
                w.Write((ulong)(m.Word >> 64));
                break;
            case RingIndexPublish m:
                w.Write((byte)33);
                w.Write((byte)m.Ring);
                w.Write(m.Tail);
                break;
            case ReadQueueSlot:
                w.Write((byte)34);
                break;
            case DestroyVm:
                w.Write((byte)40);
                break;
            case TearDownVm m:
                w.Write((byte)41);
                w.Write(m.Vm);
                break;
            case StopDma m:
                w.Write((byte)42);
                w.Write(m.Function);
                break;
            case DmaStopped m:
                w.Write((byte)43);
                w.Write(m.Function);
                break;
            case DrainFaults m:
                w.Write((byte)44);
                w.Write(m.Function);
                break;
            case FaultsDrained m:
                w.Write((byte)45);
                w.Write(m.Function);
                break;
            case ResetFunction m:
                w.Write((byte)46);
                w.Write(m.Function);
                break;
            case FunctionReset m:
                w.Write((byte)47);
                w.Write(m.Function);
                break;
            case DetachFunction m:
                w.Write((byte)48);
                w.Write(m.Function);
                break;
            case FunctionDetached m:
                w.Write((byte)49);
                w.Write(m.Function);
                break;
            default:
                throw new NotSupportedException($"no canonical encoding for message type {message.GetType().Name}: add it to {nameof(MessageEncoder)}");
        }
    }

    public static void WriteOptional(CanonicalWriter w, int? value)
    {
        w.Write(value.HasValue);
        w.Write(value ?? 0);
    }
}
