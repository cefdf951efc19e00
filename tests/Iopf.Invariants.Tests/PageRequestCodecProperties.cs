using FsCheck.Xunit;
using Iopf.Protocol.Configuration;
using Iopf.Protocol.Descriptors;

namespace Iopf.Invariants.Tests;

/// <summary>
/// The model's faults and completions through each real family's formats (<see cref="PageRequestCodec"/>), over the
/// model's value ranges: a function 0..255 with its PASID, a sequence below the PRG index's range, any page of a
/// 52-bit address, either outcome. The request a device writes is one a strict decoder accepts and decodes back to
/// what the driver needs; the response the driver builds with the family's pairing names the request's identities.
/// </summary>
public sealed class PageRequestCodecProperties
{
    private static readonly PageRequestCodec[] Real =
        [.. PageRequestCodec.Families.Where(f => f != FormatCatalog.ModelFamily).Select(f => PageRequestCodec.Find(f, out _)!)];

    private static (PageRequestCodec Codec, FaultDescriptor Fault) Fault(byte pick, byte function, ushort sequence, ulong page, bool write)
    {
        var codec = Real[pick % Real.Length];
        var fault = new FaultDescriptor(
            true, write, false, function, ModelConfig.PasidOf(function), sequence % codec.SequenceModulus, 0, 0, (page & ((1UL << 52) - 1)) * ModelConfig.PageSize);
        return (codec, fault);
    }

    [Property]
    public bool A_request_round_trips_and_is_accepted_strictly(byte pick, byte function, ushort sequence, ulong page, bool write)
    {
        var (codec, fault) = Fault(pick, function, sequence, page, write);
        var word = codec.EncodeRequest(fault);
        return codec.DecodeRequest(word) == fault && codec.Pairing!.Request.Layout.AcceptsStrictly(word);
    }

    [Property]
    public bool A_response_names_the_request_it_answers(byte pick, byte function, ushort sequence, ulong page, byte outcome)
    {
        var (codec, fault) = Fault(pick, function, sequence, page, true);
        var status = (CompletionStatus)(outcome % 3);
        var request = codec.EncodeRequest(fault);
        var word = codec.EncodeResponse(request, new CompletionDescriptor(true, status, fault.FunctionId, fault.Sequence, 0, 0));
        var (completion, pasid) = codec.DecodeResponse(word);
        return codec.Pairing!.Response.Layout.AcceptsStrictly(word)
            && completion == new CompletionDescriptor(true, status, function, fault.Sequence, -1, 0)
            && pasid == ModelConfig.PasidOf(function);
    }

    [Property]
    public bool The_model_family_writes_the_model_descriptors(byte function, ushort sequence, ushort buffer, bool write)
    {
        var fault = new FaultDescriptor(true, write, false, function, ModelConfig.PasidOf(function), sequence, buffer & 0xFF, 64, 0x3000);
        var completion = new CompletionDescriptor(true, CompletionStatus.Success, function, sequence, buffer & 0xFF, 7);
        var codec = PageRequestCodec.Model;
        return codec.EncodeRequest(fault) == fault.Encode()
            && codec.DecodeRequest(fault.Encode()) == fault
            && codec.EncodeResponse(fault.Encode(), completion) == completion.Encode()
            && codec.DecodeResponse(completion.Encode()) == new ResponseView(completion, null);
    }

    [Fact]
    public void Sequences_wrap_at_the_prg_index_for_a_real_family_and_at_16_bits_for_the_model()
    {
        Assert.Equal(1 << 16, PageRequestCodec.Model.SequenceModulus);
        Assert.All(Real, c => Assert.Equal(512, c.SequenceModulus));
    }
}
