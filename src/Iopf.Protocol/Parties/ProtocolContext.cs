using Iopf.Protocol.Configuration;
using Iopf.Protocol.Memory;

namespace Iopf.Protocol.Parties;

/// <summary>What every step may touch besides its own party's state: the configuration and the shared memories.</summary>
public sealed record ProtocolContext(ModelConfig Config, PinnedMemory Pinned, HostMemory Host);
