using System.Text;

namespace Iopf.Invariants.Smt;

/// <summary>
/// Reads the s-expressions of Z3's output. Only what SMT-LIB2 responses contain: lists, symbols (plain or
/// |quoted|, bars removed), string literals and ; comments. Malformed input throws <see cref="FormatException"/>.
/// </summary>
public static class SExprReader
{
    public static IReadOnlyList<SExpr> ReadAll(string text)
    {
        var position = 0;
        var result = new List<SExpr>();
        while (SkipBlank(text, ref position))
        {
            result.Add(Read(text, ref position));
        }

        return result;
    }

    private static SExpr Read(string text, ref int position)
    {
        var c = text[position];
        if (c == ')')
        {
            throw new FormatException($"unexpected ')' at offset {position}");
        }

        if (c != '(')
        {
            return ReadAtom(text, ref position);
        }

        position++;
        var items = new List<SExpr>();
        while (true)
        {
            if (!SkipBlank(text, ref position))
            {
                throw new FormatException("unclosed '(' at end of input");
            }

            if (text[position] == ')')
            {
                position++;
                return new SList(items);
            }

            items.Add(Read(text, ref position));
        }
    }

    private static SAtom ReadAtom(string text, ref int position)
    {
        var start = position;
        var closing = text[position] switch { '|' => '|', '"' => '"', _ => '\0' };
        if (closing != '\0')
        {
            var end = text.IndexOf(closing, position + 1);
            if (end < 0)
            {
                throw new FormatException($"unterminated {closing} starting at offset {start}");
            }

            position = end + 1;
            return new SAtom(closing == '|' ? text[(start + 1)..end] : text[start..position]);
        }

        var atom = new StringBuilder();
        while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('(' or ')' or ';'))
        {
            atom.Append(text[position++]);
        }

        return new SAtom(atom.ToString());
    }

    /// <summary>Skips white space and comments; false at end of input.</summary>
    private static bool SkipBlank(string text, ref int position)
    {
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            else if (text[position] == ';')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
