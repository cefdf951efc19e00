using Iopf.Specs.Properties;

namespace Iopf.Exhaustive.Tests;

/// <summary>A checker's canonical bytes (<see cref="IProperty.WriteCanonical"/>), written the plain way.</summary>
internal static class CheckerBytes
{
    public static byte[] Of(IProperty property)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            property.WriteCanonical(writer);
        }

        return stream.ToArray();
    }
}
