namespace Iopf.Protocol.Parties;

/// <summary>
/// The link holds nothing of its own: what is in flight on it is its inbox, whose FIFO order is PCIe's rule
/// that a posted request does not pass an earlier posted request (no Relaxed Ordering is modelled).
/// </summary>
public sealed class LinkState
{
    public LinkState Clone() => new();
}
