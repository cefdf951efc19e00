using System.IO.Hashing;

namespace Iopf.Exhaustive;

/// <summary>
/// Canonical bytes of a whole <see cref="GlobalState"/> (world, inboxes in slot order, property checkers in
/// reporting order) and their 128-bit XxHash128, the key under which the explorer remembers a state. One
/// buffer is reused, so an encoder serves one thread.
/// </summary>
/// <remarks>
/// Only the hash is stored: two different states with one hash would be merged (one of them never explored).
/// With 128 bits and at most a few million states the chance of that is below 1e-25.
/// </remarks>
public sealed class StateEncoder
{
    private readonly CanonicalWriter writer = new();

    public UInt128 Hash(GlobalState state) => XxHash128.HashToUInt128(Encode(state));

    /// <summary>The canonical bytes, valid until the next call.</summary>
    public ReadOnlySpan<byte> Encode(GlobalState state)
    {
        writer.Clear();
        WorldEncoder.Write(writer, state.World);
        foreach (var inbox in state.Inboxes)
        {
            writer.Write(inbox.Count);
            foreach (var envelope in inbox)
            {
                MessageEncoder.Write(writer, envelope.Message);
            }
        }

        for (var i = 0; i < state.Properties.Count; i++)
        {
            writer.Write(state.PropertyBytes(i));
        }

        return writer.Written;
    }
}
