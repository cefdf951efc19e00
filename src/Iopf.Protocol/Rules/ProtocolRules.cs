using Iopf.Protocol.Coverage;

namespace Iopf.Protocol.Rules;

/// <summary>
/// The choice taken at each of the protocol's decision points (Decisions.cs). The defaults are the protocol;
/// a mutant is one non-default choice. The core reads only these decisions, never which mutant asked for them.
/// </summary>
public sealed record ProtocolRules
{
    /// <summary>The protocol as designed: every decision at its first (correct) choice.</summary>
    public static ProtocolRules Correct { get; } = new();

    public NoFreeFaultBuffer NoFreeFaultBuffer { get => DecisionLog.Consulted(field); init; }

    public DmaBehindBufferedFault DmaBehindBufferedFault { get => DecisionLog.Consulted(field); init; }

    public AtcRefill AtcRefill { get => DecisionLog.Consulted(field); init; }

    public TranslationAnswerOrder TranslationAnswerOrder { get => DecisionLog.Consulted(field); init; }

    public InvalidatedTranslation InvalidatedTranslation { get => DecisionLog.Consulted(field); init; }

    public FaultDescriptorOrder FaultDescriptorOrder { get => DecisionLog.Consulted(field); init; }

    public FaultFunctionId FaultFunctionId { get => DecisionLog.Consulted(field); init; }

    public CompletionPublication CompletionPublication { get => DecisionLog.Consulted(field); init; }

    public DoorbellAfterCopy DoorbellAfterCopy { get => DecisionLog.Consulted(field); init; }

    public CompletionAtWrap CompletionAtWrap { get => DecisionLog.Consulted(field); init; }

    public RingFullCheck RingFullCheck { get => DecisionLog.Consulted(field); init; }

    public AtcOnUnmap AtcOnUnmap { get => DecisionLog.Consulted(field); init; }

    public InvalidationCompletion InvalidationCompletion { get => DecisionLog.Consulted(field); init; }

    public ResolvedPagePinning ResolvedPagePinning { get => DecisionLog.Consulted(field); init; }

    public ResidentPageFault ResidentPageFault { get => DecisionLog.Consulted(field); init; }

    public EvictedContent EvictedContent { get => DecisionLog.Consulted(field); init; }

    public ReusedFrameContent ReusedFrameContent { get => DecisionLog.Consulted(field); init; }

    public PayloadCopies PayloadCopies { get => DecisionLog.Consulted(field); init; }

    public UnbackedFault UnbackedFault { get => DecisionLog.Consulted(field); init; }

    public FailedCompletion FailedCompletion { get => DecisionLog.Consulted(field); init; }

    public CompletionSequence CompletionSequence { get => DecisionLog.Consulted(field); init; }

    public CompletionsPerFault CompletionsPerFault { get => DecisionLog.Consulted(field); init; }

    public QueueDrain QueueDrain { get => DecisionLog.Consulted(field); init; }

    public OverflowDiscard OverflowDiscard { get => DecisionLog.Consulted(field); init; }

    public OverflowRearm OverflowRearm { get => DecisionLog.Consulted(field); init; }

    public QueueSlotRead QueueSlotRead { get => DecisionLog.Consulted(field); init; }

    public PublishedSlotCheck PublishedSlotCheck { get => DecisionLog.Consulted(field); init; }

    public SlotRelease SlotRelease { get => DecisionLog.Consulted(field); init; }

    public StopAcknowledgement StopAcknowledgement { get => DecisionLog.Consulted(field); init; }

    public TeardownOrder TeardownOrder { get => DecisionLog.Consulted(field); init; }

    public DetachedFault DetachedFault { get => DecisionLog.Consulted(field); init; }

    public DrainWakeup DrainWakeup { get => DecisionLog.Consulted(field); init; }

    public RecycledVmMemory RecycledVmMemory { get => DecisionLog.Consulted(field); init; }

    /// <summary>These rules with one decision set to <paramref name="choice"/> (the decision is the choice's enum type).</summary>
    public ProtocolRules With(Enum choice) => choice switch
    {
        NoFreeFaultBuffer c => this with { NoFreeFaultBuffer = c },
        DmaBehindBufferedFault c => this with { DmaBehindBufferedFault = c },
        AtcRefill c => this with { AtcRefill = c },
        TranslationAnswerOrder c => this with { TranslationAnswerOrder = c },
        InvalidatedTranslation c => this with { InvalidatedTranslation = c },
        FaultDescriptorOrder c => this with { FaultDescriptorOrder = c },
        FaultFunctionId c => this with { FaultFunctionId = c },
        CompletionPublication c => this with { CompletionPublication = c },
        DoorbellAfterCopy c => this with { DoorbellAfterCopy = c },
        CompletionAtWrap c => this with { CompletionAtWrap = c },
        RingFullCheck c => this with { RingFullCheck = c },
        AtcOnUnmap c => this with { AtcOnUnmap = c },
        InvalidationCompletion c => this with { InvalidationCompletion = c },
        ResolvedPagePinning c => this with { ResolvedPagePinning = c },
        ResidentPageFault c => this with { ResidentPageFault = c },
        EvictedContent c => this with { EvictedContent = c },
        ReusedFrameContent c => this with { ReusedFrameContent = c },
        PayloadCopies c => this with { PayloadCopies = c },
        UnbackedFault c => this with { UnbackedFault = c },
        FailedCompletion c => this with { FailedCompletion = c },
        CompletionSequence c => this with { CompletionSequence = c },
        CompletionsPerFault c => this with { CompletionsPerFault = c },
        QueueDrain c => this with { QueueDrain = c },
        OverflowDiscard c => this with { OverflowDiscard = c },
        OverflowRearm c => this with { OverflowRearm = c },
        QueueSlotRead c => this with { QueueSlotRead = c },
        PublishedSlotCheck c => this with { PublishedSlotCheck = c },
        SlotRelease c => this with { SlotRelease = c },
        StopAcknowledgement c => this with { StopAcknowledgement = c },
        TeardownOrder c => this with { TeardownOrder = c },
        DetachedFault c => this with { DetachedFault = c },
        DrainWakeup c => this with { DrainWakeup = c },
        RecycledVmMemory c => this with { RecycledVmMemory = c },
        _ => throw new ArgumentException($"{choice.GetType().Name} is not a decision of the protocol", nameof(choice)),
    };
}
