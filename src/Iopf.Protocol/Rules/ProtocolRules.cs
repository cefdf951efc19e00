namespace Iopf.Protocol.Rules;

/// <summary>
/// The choice taken at each of the protocol's decision points (Decisions.cs). The defaults are the protocol;
/// a mutant is one non-default choice. The core reads only these decisions, never which mutant asked for them.
/// </summary>
public sealed record ProtocolRules
{
    /// <summary>The protocol as designed: every decision at its first (correct) choice.</summary>
    public static ProtocolRules Correct { get; } = new();

    public NoFreeFaultBuffer NoFreeFaultBuffer { get; init; }

    public DmaBehindBufferedFault DmaBehindBufferedFault { get; init; }

    public AtcRefill AtcRefill { get; init; }

    public TranslationAnswerOrder TranslationAnswerOrder { get; init; }

    public InvalidatedTranslation InvalidatedTranslation { get; init; }

    public FaultDescriptorOrder FaultDescriptorOrder { get; init; }

    public FaultFunctionId FaultFunctionId { get; init; }

    public CompletionPublication CompletionPublication { get; init; }

    public DoorbellAfterCopy DoorbellAfterCopy { get; init; }

    public CompletionAtWrap CompletionAtWrap { get; init; }

    public RingFullCheck RingFullCheck { get; init; }

    public AtcOnUnmap AtcOnUnmap { get; init; }

    public InvalidationCompletion InvalidationCompletion { get; init; }

    public ResolvedPagePinning ResolvedPagePinning { get; init; }

    public ResidentPageFault ResidentPageFault { get; init; }

    public EvictedContent EvictedContent { get; init; }

    public ReusedFrameContent ReusedFrameContent { get; init; }

    public PayloadCopies PayloadCopies { get; init; }

    public UnbackedFault UnbackedFault { get; init; }

    public FailedCompletion FailedCompletion { get; init; }

    public CompletionSequence CompletionSequence { get; init; }

    public CompletionsPerFault CompletionsPerFault { get; init; }

    public QueueDrain QueueDrain { get; init; }

    public OverflowDiscard OverflowDiscard { get; init; }

    public OverflowRearm OverflowRearm { get; init; }

    public StopAcknowledgement StopAcknowledgement { get; init; }

    public TeardownOrder TeardownOrder { get; init; }

    public DetachedFault DetachedFault { get; init; }

    public DrainWakeup DrainWakeup { get; init; }

    public RecycledVmMemory RecycledVmMemory { get; init; }

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
        StopAcknowledgement c => this with { StopAcknowledgement = c },
        TeardownOrder c => this with { TeardownOrder = c },
        DetachedFault c => this with { DetachedFault = c },
        DrainWakeup c => this with { DrainWakeup = c },
        RecycledVmMemory c => this with { RecycledVmMemory = c },
        _ => throw new ArgumentException($"{choice.GetType().Name} is not a decision of the protocol", nameof(choice)),
    };
}
