using System.Text;

namespace KubeMcp.Cli.Agent;

/// <summary>
/// Splits a command line into words the way a POSIX shell would for the simple cases: whitespace separates words,
/// single quotes keep everything literally, double quotes keep spaces and allow <c>\"</c> and <c>\\</c>, and a
/// backslash outside quotes escapes the next character. No variables, globs or pipes.
/// </summary>
internal static class CommandLineSplitter
{
    /// <exception cref="ArgumentException">A quote is not closed, or the line ends in a lone backslash.</exception>
    public static IReadOnlyList<string> Split(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                case '\'':
                    var end = commandLine.IndexOf('\'', i + 1);
                    if (end < 0)
                    {
                        throw new ArgumentException($"The command line has an unterminated single quote at position {i + 1}: {commandLine}");
                    }

                    word.Append(commandLine, i + 1, end - i - 1);
                    inWord = true;
                    i = end;
                    break;
                case '"':
                    i = ReadDoubleQuoted(commandLine, i, word);
                    inWord = true;
                    break;
                case '\\':
                    if (i + 1 >= commandLine.Length)
                    {
                        throw new ArgumentException($"The command line ends with a lone backslash: {commandLine}");
                    }

                    word.Append(commandLine[++i]);
                    inWord = true;
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static int ReadDoubleQuoted(string line, int open, StringBuilder word)
    {
        for (var i = open + 1; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
            {
                c = line[++i];
            }

            word.Append(c);
        }

        throw new ArgumentException($"The command line has an unterminated double quote at position {open + 1}: {line}");
    }
}
