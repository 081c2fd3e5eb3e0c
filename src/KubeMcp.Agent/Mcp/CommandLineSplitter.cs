using System.Text;

namespace KubeMcp.Agent.Mcp;

/// <summary>
/// Splits one command line into words the way a POSIX shell does for plain words and quotes: whitespace separates,
/// <c>'…'</c> keeps everything literally, <c>"…"</c> keeps spaces and honours <c>\"</c> and <c>\\</c>, a backslash
/// outside quotes escapes the next character. No variables, globs or pipes: nothing is run through a shell.
/// </summary>
public static class CommandLineSplitter
{
    /// <summary>The words of <paramref name="commandLine"/>.</summary>
    /// <exception cref="FormatException">A quote is not closed, or the line ends with a lone backslash.</exception>
    public static IReadOnlyList<string> Split(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        words.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                    }

                    break;
                case '\'':
                    inWord = true;
                    var close = commandLine.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"The command line has an unclosed single quote at position {i + 1}: {commandLine}");
                    }

                    current.Append(commandLine, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    inWord = true;
                    i = ReadDoubleQuoted(commandLine, i, current);
                    break;
                case '\\':
                    if (i + 1 >= commandLine.Length)
                    {
                        throw new FormatException($"The command line ends with a lone backslash: {commandLine}");
                    }

                    inWord = true;
                    current.Append(commandLine[++i]);
                    break;
                default:
                    inWord = true;
                    current.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static int ReadDoubleQuoted(string line, int open, StringBuilder current)
    {
        for (var i = open + 1; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                return i;
            }

            // Inside double quotes a backslash escapes only the characters that would otherwise end or change the text.
            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
            {
                c = line[++i];
            }

            current.Append(c);
        }

        throw new FormatException($"The command line has an unclosed double quote at position {open + 1}: {line}");
    }
}
