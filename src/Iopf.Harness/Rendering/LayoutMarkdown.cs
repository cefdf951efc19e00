using System.Globalization;
using System.Text;
using Iopf.Protocol.Descriptors;

namespace Iopf.Harness.Rendering;

/// <summary>A format's field table in Markdown (what a docs page or a review comment needs), generated from the one declaration.</summary>
public static class LayoutMarkdown
{
    public static string Table(DescriptorFormat format)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### {format.Name} ({format.Family} {format.Role.ToString().ToLowerInvariant()}, {format.Layout.WidthBits} bits)\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Source: {format.Source}\n\n");
        text.Append("| bits | field | kind | carries |\n|---|---|---|---|\n");
        foreach (var field in format.Layout.Fields.OrderBy(f => f.Offset))
        {
            var bits = field.Width == 1 ? $"{field.Offset}" : $"{field.HighBit}:{field.Offset}";
            var kind = field.Kind switch
            {
                FieldKind.Constant => $"constant {field.Constant}",
                FieldKind.Value when field.Holds is { } holds => $"value (holds up to 0x{holds:x})",
                _ => field.Kind.ToString().ToLowerInvariant(),
            };
            text.Append(CultureInfo.InvariantCulture, $"| {bits} | {field.Name} | {kind} | {field.Carries?.ToString() ?? string.Empty} |\n");
        }

        return text.ToString();
    }
}
