using System.Globalization;
using System.Text;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// <c>echo</c> as each implementation behaves: dash interprets backslash escapes always and knows only <c>-n</c>;
/// bash, GNU and BusyBox echo interpret escapes only with <c>-e</c>.
/// </summary>
internal static class EchoCommand
{
    public static string Format(IReadOnlyList<string> args, bool alwaysEscapes)
    {
        var newline = true;
        var escapes = alwaysEscapes;
        var index = 0;
        for (; index < args.Count; index++)
        {
            var arg = args[index];
            if (arg.Length < 2 || arg[0] != '-' || !arg[1..].All(c => alwaysEscapes ? c == 'n' : c is 'n' or 'e' or 'E'))
            {
                break;
            }
            foreach (var option in arg[1..])
            {
                switch (option)
                {
                    case 'n':
                        newline = false;
                        break;
                    case 'e':
                        escapes = true;
                        break;
                    case 'E':
                        escapes = false;
                        break;
                }
            }
        }
        var text = string.Join(' ', args.Skip(index));
        if (escapes)
        {
            var (expanded, stop) = Unescape(text, octalNeedsZero: true);
            return stop ? expanded : expanded + (newline ? "\n" : "");
        }
        return text + (newline ? "\n" : "");
    }

    /// <summary>Interprets backslash escapes; <c>Stop</c> is true when <c>\c</c> ended the output.</summary>
    public static (string Text, bool Stop) Unescape(string text, bool octalNeedsZero)
    {
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                output.Append(text[i]);
                continue;
            }
            var (escaped, consumed, stop) = Escape(text, i, octalNeedsZero);
            if (stop)
            {
                return (output.ToString(), true);
            }
            output.Append(escaped);
            i += consumed - 1;
        }
        return (output.ToString(), false);
    }

    /// <summary>
    /// The escape sequence starting at the backslash at <paramref name="index"/>: its text, how many characters it
    /// spans, and whether it is <c>\c</c> (stop output). Octal is <c>\0NNN</c> for echo and <c>\NNN</c> for printf.
    /// </summary>
    public static (string Text, int Consumed, bool Stop) Escape(string text, int index, bool octalNeedsZero)
    {
        if (index + 1 >= text.Length)
        {
            return ("\\", 1, false);
        }
        var c = text[index + 1];
        switch (c)
        {
            case 'a': return ("\a", 2, false);
            case 'b': return ("\b", 2, false);
            case 'c': return ("", 2, true);
            case 'e': return ("\u001b", 2, false);
            case 'f': return ("\f", 2, false);
            case 'n': return ("\n", 2, false);
            case 'r': return ("\r", 2, false);
            case 't': return ("\t", 2, false);
            case 'v': return ("\v", 2, false);
            case '\\': return ("\\", 2, false);
            case '"': return ("\"", 2, false);
            case '\'': return ("'", 2, false);
            case 'x':
                var hexEnd = index + 2;
                while (hexEnd < text.Length && hexEnd < index + 4 && char.IsAsciiHexDigit(text[hexEnd]))
                {
                    hexEnd++;
                }
                if (hexEnd == index + 2)
                {
                    return ("\\x", 2, false);
                }
                var code = int.Parse(text.AsSpan(index + 2, hexEnd - index - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                return (((char)code).ToString(), hexEnd - index, false);
        }
        if (c is >= '0' and <= '7' && (c == '0' || !octalNeedsZero))
        {
            var start = c == '0' && octalNeedsZero ? index + 2 : index + 1;
            var end = start;
            while (end < text.Length && end < start + 3 && text[end] is >= '0' and <= '7')
            {
                end++;
            }
            var value = 0;
            for (var k = start; k < end; k++)
            {
                value = value * 8 + (text[k] - '0');
            }
            return (((char)value).ToString(), end - index, false);
        }
        return ("\\" + c, 2, false);
    }
}
