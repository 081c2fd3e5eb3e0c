using System.Text;

namespace KubeMcp.Cluster.Kubelet.Shell;

// Lexing: tokens and words are read on demand from the same cursor the grammar uses, because $( … ) nests a whole
// list inside a word.
internal sealed partial class ShellParser
{
    private static bool IsMeta(char c) => c is ' ' or '\t' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>';

    internal static bool IsName(string text) =>
        text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private ShellToken ReadToken()
    {
        SkipBlanksAndComments();
        if (position >= source.Length)
        {
            return new ShellToken(ShellTokenKind.End, "", null, line);
        }
        var c = source[position];
        if (c == '\n')
        {
            position++;
            return new ShellToken(ShellTokenKind.Newline, "\n", null, line++);
        }
        if (char.IsAsciiDigit(c))
        {
            var end = position;
            while (end < source.Length && char.IsAsciiDigit(source[end]))
            {
                end++;
            }
            if (end < source.Length && source[end] is '<' or '>')
            {
                var fd = int.Parse(source.AsSpan(position, end - position), System.Globalization.CultureInfo.InvariantCulture);
                position = end;
                var op = ReadOperator();
                return op with { IoNumber = fd };
            }
        }
        if (IsMeta(c))
        {
            return ReadOperator();
        }
        var startLine = line;
        var word = new Word(ReadParts(inBraces: false));
        return new ShellToken(ShellTokenKind.Word, word.PlainText ?? "", word, startLine);
    }

    private ShellToken ReadOperator()
    {
        string[] operators = ["&&", "||", ";;", "<<", ">>", ">&", "<&", "&>", ">|", "|", "&", ";", "(", ")", "<", ">"];
        foreach (var op in operators)
        {
            if (string.CompareOrdinal(source, position, op, 0, op.Length) == 0)
            {
                if (op == "<<")
                {
                    throw new ShellUnsupportedException("here-documents");
                }
                position += op.Length;
                return new ShellToken(ShellTokenKind.Operator, op, null, line);
            }
        }
        throw new InvalidOperationException($"no operator at offset {position}");
    }

    private void SkipBlanksAndComments()
    {
        while (position < source.Length)
        {
            var c = source[position];
            if (c is ' ' or '\t' or '\r')
            {
                position++;
            }
            else if (c == '\\' && position + 1 < source.Length && source[position + 1] == '\n')
            {
                position += 2;
                line++;
            }
            else if (c == '#')
            {
                while (position < source.Length && source[position] != '\n')
                {
                    position++;
                }
            }
            else
            {
                break;
            }
        }
    }

    private List<WordPart> ReadParts(bool inBraces)
    {
        var parts = new List<WordPart>();
        var literal = new StringBuilder();
        void Flush(bool quoted)
        {
            if (literal.Length > 0)
            {
                parts.Add(new LiteralPart(literal.ToString(), quoted));
                literal.Clear();
            }
        }
        while (position < source.Length)
        {
            var c = source[position];
            if (inBraces ? c == '}' : IsMeta(c) || c == '\r')
            {
                break;
            }
            switch (c)
            {
                case '\\':
                    if (position + 1 >= source.Length)
                    {
                        literal.Append('\\');
                        position++;
                        break;
                    }
                    if (source[position + 1] == '\n')
                    {
                        position += 2;
                        line++;
                        break;
                    }
                    Flush(false);
                    parts.Add(new LiteralPart(source[position + 1].ToString(), true));
                    position += 2;
                    break;
                case '\'':
                    Flush(false);
                    parts.Add(new LiteralPart(ReadSingleQuoted(), true));
                    break;
                case '"':
                    Flush(false);
                    parts.AddRange(ReadDoubleQuoted());
                    break;
                case '$':
                    Flush(false);
                    parts.Add(ReadDollar(quoted: false));
                    break;
                case '`':
                    Flush(false);
                    parts.Add(ReadBackquoted(quoted: false));
                    break;
                default:
                    if (c == '\n')
                    {
                        line++;
                    }
                    literal.Append(c);
                    position++;
                    break;
            }
        }
        Flush(false);
        return parts;
    }

    /// <summary>
    /// Parses text in which only expansions are special (the inside of <c>$((…))</c>), as if double-quoted.
    /// </summary>
    public static Word ParseExpansionText(string text)
    {
        var parser = new ShellParser(text, 1);
        var parts = new List<WordPart>();
        var literal = new StringBuilder();
        while (parser.position < text.Length)
        {
            var c = text[parser.position];
            if (c is '$' or '`')
            {
                if (literal.Length > 0)
                {
                    parts.Add(new LiteralPart(literal.ToString(), true));
                    literal.Clear();
                }
                parts.Add(c == '$' ? parser.ReadDollar(quoted: true) : parser.ReadBackquoted(quoted: true));
                continue;
            }
            literal.Append(c);
            parser.position++;
        }
        if (literal.Length > 0)
        {
            parts.Add(new LiteralPart(literal.ToString(), true));
        }
        return new Word(parts);
    }

    private string ReadSingleQuoted()
    {
        var close = source.IndexOf('\'', position + 1);
        if (close < 0)
        {
            line += source.AsSpan(position).Count('\n');
            throw Unterminated("'");
        }
        var text = source[(position + 1)..close];
        line += text.AsSpan().Count('\n');
        position = close + 1;
        return text;
    }

    private List<WordPart> ReadDoubleQuoted()
    {
        var parts = new List<WordPart>();
        var literal = new StringBuilder();
        var sawAnything = false;
        position++;
        while (true)
        {
            if (position >= source.Length)
            {
                throw Unterminated("\"");
            }
            var c = source[position];
            if (c == '"')
            {
                position++;
                break;
            }
            if (c == '\\' && position + 1 < source.Length && source[position + 1] is '$' or '`' or '"' or '\\' or '\n')
            {
                if (source[position + 1] == '\n')
                {
                    line++;
                }
                else
                {
                    literal.Append(source[position + 1]);
                }
                position += 2;
                continue;
            }
            if (c is '$' or '`')
            {
                if (literal.Length > 0)
                {
                    parts.Add(new LiteralPart(literal.ToString(), true));
                    literal.Clear();
                }
                parts.Add(c == '$' ? ReadDollar(quoted: true) : ReadBackquoted(quoted: true));
                sawAnything = true;
                continue;
            }
            if (c == '\n')
            {
                line++;
            }
            literal.Append(c);
            position++;
        }
        if (literal.Length > 0 || !sawAnything)
        {
            parts.Add(new LiteralPart(literal.ToString(), true));
        }
        return parts;
    }

    private WordPart ReadDollar(bool quoted)
    {
        position++;
        if (position >= source.Length)
        {
            return new LiteralPart("$", quoted);
        }
        var c = source[position];
        if (c == '{')
        {
            position++;
            return ReadBraceParameter(quoted);
        }
        if (c == '(')
        {
            if (position + 1 < source.Length && source[position + 1] == '(')
            {
                return ReadArithmetic(quoted);
            }
            position++;
            var saved = peeked;
            peeked = null;
            var list = ParseList();
            var close = Next();
            peeked = saved;
            if (!close.IsOperator(")"))
            {
                throw close.Kind == ShellTokenKind.End ? Unterminated("(") : Unexpected(close);
            }
            return new CommandSubstitutionPart(list, quoted);
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = position;
            while (position < source.Length && (char.IsAsciiLetterOrDigit(source[position]) || source[position] == '_'))
            {
                position++;
            }
            return new ParameterPart(source[start..position], null, null, quoted);
        }
        if (char.IsAsciiDigit(c) || c is '?' or '$' or '!' or '#' or '@' or '*' or '-')
        {
            position++;
            return new ParameterPart(c.ToString(), null, null, quoted);
        }
        return new LiteralPart("$", quoted);
    }

    private WordPart ReadBraceParameter(bool quoted)
    {
        var length = false;
        if (position < source.Length && source[position] == '#' && position + 1 < source.Length && source[position + 1] != '}')
        {
            length = true;
            position++;
        }
        var start = position;
        if (position < source.Length && (char.IsAsciiLetter(source[position]) || source[position] == '_'))
        {
            while (position < source.Length && (char.IsAsciiLetterOrDigit(source[position]) || source[position] == '_'))
            {
                position++;
            }
        }
        else if (position < source.Length && (char.IsAsciiDigit(source[position]) || source[position] is '?' or '$' or '!' or '#' or '@' or '*' or '-'))
        {
            position++;
        }
        var name = source[start..position];
        if (name.Length == 0)
        {
            throw position >= source.Length ? Unterminated("{") : new ShellUnsupportedException("this ${…} expansion");
        }
        if (position >= source.Length)
        {
            throw Unterminated("{");
        }
        if (source[position] == '}')
        {
            position++;
            return new ParameterPart(name, length ? "#length" : null, null, quoted);
        }
        if (length)
        {
            throw new ShellUnsupportedException("this ${#…} expansion");
        }
        string[] operators = [":-", ":=", ":+", ":?", "%%", "##", "-", "=", "+", "?", "%", "#"];
        var op = operators.FirstOrDefault(o => string.CompareOrdinal(source, position, o, 0, o.Length) == 0)
                 ?? throw new ShellUnsupportedException("this ${…} expansion");
        position += op.Length;
        var argument = new Word(ReadParts(inBraces: true));
        if (position >= source.Length)
        {
            throw Unterminated("{");
        }
        position++;
        return new ParameterPart(name, op, argument, quoted);
    }

    private WordPart ReadArithmetic(bool quoted)
    {
        position += 2;
        var start = position;
        var depth = 0;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                if (depth == 0)
                {
                    if (position + 1 < source.Length && source[position + 1] == ')')
                    {
                        var expression = source[start..position];
                        position += 2;
                        return new ArithmeticPart(expression, quoted);
                    }
                    throw Unexpected(new ShellToken(ShellTokenKind.Operator, ")", null, line));
                }
                depth--;
            }
            position++;
        }
        throw Unterminated("((");
    }

    private WordPart ReadBackquoted(bool quoted)
    {
        var startLine = line;
        var inner = new StringBuilder();
        position++;
        while (true)
        {
            if (position >= source.Length)
            {
                throw Unterminated("`");
            }
            var c = source[position];
            if (c == '`')
            {
                position++;
                break;
            }
            if (c == '\\' && position + 1 < source.Length && source[position + 1] is '`' or '\\' or '$')
            {
                inner.Append(source[position + 1]);
                position += 2;
                continue;
            }
            if (c == '\n')
            {
                line++;
            }
            inner.Append(c);
            position++;
        }
        return new CommandSubstitutionPart(Parse(inner.ToString(), startLine), quoted);
    }

    private ShellSyntaxException Unterminated(string quote) =>
        new(ShellSyntaxErrorKind.UnterminatedQuote, line, quote, LineText(line));
}
