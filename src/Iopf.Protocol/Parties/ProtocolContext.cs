using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;
using Iopf.Protocol.Rules;

namespace Iopf.Protocol.Parties;

/// <summary>The shared memories a step can reach through its <see cref="ProtocolContext"/>.</summary>
[Flags]
public enum SharedMemory
{
    None = 0,
    Pinned = 1,
    Host = 2,
}

/// <summary>
/// What every step may touch besides its own party's state: the configuration and the shared memories.
/// It records which shared memory a step reached (<see cref="Reached"/>): a step that never reached a memory
/// cannot depend on it, which lets the exhaustive explorer reuse one step's outcome wherever that memory differs.
/// </summary>
public sealed class ProtocolContext
{
    private readonly bool copyOnFirstUse;
    private PinnedMemory pinned;
    private HostMemory host;

    public ProtocolContext(ModelConfig config, PinnedMemory pinned, HostMemory host)
        : this(config, pinned, host, false)
    {
    }

    private ProtocolContext(ModelConfig config, PinnedMemory pinned, HostMemory host, bool copyOnFirstUse)
    {
        Config = config;
        this.pinned = pinned;
        this.host = host;
        this.copyOnFirstUse = copyOnFirstUse;
    }

    public ModelConfig Config { get; }

    /// <summary>The choice this model takes at each decision point of the protocol.</summary>
    public ProtocolRules Rules => Config.Rules;

    public PinnedMemory Pinned => Reach(ref pinned, SharedMemory.Pinned, static m => m.Clone());

    public HostMemory Host => Reach(ref host, SharedMemory.Host, static m => m.Clone());

    /// <summary>Which shared memories were read or written through this context so far.</summary>
    public SharedMemory Reached { get; private set; }

    /// <summary>
    /// A context over memories that must stay unchanged (an explorer's stored state): each is cloned the first
    /// time a step reaches it, so a step that never reaches one costs no copy of it.
    /// </summary>
    public static ProtocolContext CopyOnFirstUse(ModelConfig config, PinnedMemory pinned, HostMemory host) =>
        new(config, pinned, host, true);

    private T Reach<T>(ref T memory, SharedMemory which, Func<T, T> copy)
    {
        if (!Reached.HasFlag(which))
        {
            Reached |= which;
            memory = copyOnFirstUse ? copy(memory) : memory;
        }

        return memory;
    }
}
