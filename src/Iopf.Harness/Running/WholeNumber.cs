using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Iopf.Harness.Running;

/// <summary>
/// Parses a numeric option in plain words. System.CommandLine's own message names the .NET type
/// ("... as expected type 'System.UInt32'", "System.Nullable`1[System.Int32]"), which tells a user nothing;
/// this one says which option, what was given and which whole numbers are accepted.
/// </summary>
public static class WholeNumber
{
    /// <summary>
    /// An option of type T (uint or int). A token that is no T is refused here, naming min..max, the values
    /// the option means; a T outside min..max is left to the command's own check, whose messages are pinned.
    /// </summary>
    public static Option<T> Option<T>(string name, string[] aliases, long min, long max)
        where T : struct =>
        new(name, aliases) { CustomParser = r => (T)Convert.ChangeType(Parse(r, typeof(T), min, max), typeof(T), CultureInfo.InvariantCulture) };

    /// <summary>The same for an option whose absence means "keep the plan's value".</summary>
    public static Option<T?> Optional<T>(string name, long min, long max)
        where T : struct =>
        new(name) { CustomParser = r => (T)Convert.ChangeType(Parse(r, typeof(T), min, max), typeof(T), CultureInfo.InvariantCulture) };

    private static long Parse(ArgumentResult result, Type type, long min, long max)
    {
        var name = result.Parent is OptionResult o ? o.Option.Name : result.Argument.Name;
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        (long least, long most) = type == typeof(uint) ? (0L, (long)uint.MaxValue) : ((long)int.MinValue, (long)int.MaxValue);

        // Only digits with an optional '-': no '+', spaces, hex, exponents or thousands separators.
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && !token.StartsWith('+') && value >= least && value <= most)
        {
            return value;
        }

        result.AddError($"{name}: '{token}' is not a whole number in {min}..{max}");
        return Math.Max(min, least);
    }
}
