using System.Globalization;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// Integer arithmetic of <c>$((…))</c>: literals, variables, <c>+ - * / %</c>, comparisons, <c>&amp;&amp; || !</c>,
/// parentheses, the ternary operator and assignments (<c>=</c>, <c>+=</c>, <c>-=</c>, <c>++</c>, <c>--</c>).
/// </summary>
internal sealed class ArithmeticEvaluator
{
    private readonly string text;
    private readonly Func<string, string?> get;
    private readonly Action<string, string> set;
    private int position;

    private ArithmeticEvaluator(string text, Func<string, string?> get, Action<string, string> set)
    {
        this.text = text;
        this.get = get;
        this.set = set;
    }

    /// <exception cref="FormatException">Malformed expression or division by zero; the message is the shell's wording.</exception>
    public static long Evaluate(string expression, Func<string, string?> get, Action<string, string> set)
    {
        var evaluator = new ArithmeticEvaluator(expression, get, set);
        evaluator.SkipSpaces();
        if (evaluator.position >= expression.Length)
        {
            return 0;
        }
        var value = evaluator.Assignment();
        evaluator.SkipSpaces();
        if (evaluator.position < expression.Length)
        {
            throw new FormatException("arithmetic syntax error");
        }
        return value;
    }

    private long Assignment()
    {
        var save = position;
        SkipSpaces();
        if (TryName(out var name))
        {
            SkipSpaces();
            foreach (var op in new[] { "+=", "-=", "*=", "/=", "=" })
            {
                if (Accept(op) && !(op == "=" && Peek('=')))
                {
                    var right = Assignment();
                    var current = Variable(name);
                    var result = op switch
                    {
                        "+=" => current + right,
                        "-=" => current - right,
                        "*=" => current * right,
                        "/=" => right == 0 ? throw new FormatException("divide by zero") : current / right,
                        _ => right,
                    };
                    set(name, result.ToString(CultureInfo.InvariantCulture));
                    return result;
                }
            }
        }
        position = save;
        return Ternary();
    }

    private long Ternary()
    {
        var condition = Or();
        if (!Accept("?"))
        {
            return condition;
        }
        var whenTrue = Assignment();
        if (!Accept(":"))
        {
            throw new FormatException("arithmetic syntax error");
        }
        var whenFalse = Assignment();
        return condition != 0 ? whenTrue : whenFalse;
    }

    private long Or()
    {
        var value = And();
        while (Accept("||"))
        {
            var right = And();
            value = value != 0 || right != 0 ? 1 : 0;
        }
        return value;
    }

    private long And()
    {
        var value = Equality();
        while (Accept("&&"))
        {
            var right = Equality();
            value = value != 0 && right != 0 ? 1 : 0;
        }
        return value;
    }

    private long Equality()
    {
        var value = Comparison();
        while (true)
        {
            if (Accept("=="))
            {
                value = value == Comparison() ? 1 : 0;
            }
            else if (Accept("!="))
            {
                value = value != Comparison() ? 1 : 0;
            }
            else
            {
                return value;
            }
        }
    }

    private long Comparison()
    {
        var value = Additive();
        while (true)
        {
            if (Accept("<="))
            {
                value = value <= Additive() ? 1 : 0;
            }
            else if (Accept(">="))
            {
                value = value >= Additive() ? 1 : 0;
            }
            else if (Accept("<"))
            {
                value = value < Additive() ? 1 : 0;
            }
            else if (Accept(">"))
            {
                value = value > Additive() ? 1 : 0;
            }
            else
            {
                return value;
            }
        }
    }

    private long Additive()
    {
        var value = Multiplicative();
        while (true)
        {
            if (AcceptSingle('+'))
            {
                value += Multiplicative();
            }
            else if (AcceptSingle('-'))
            {
                value -= Multiplicative();
            }
            else
            {
                return value;
            }
        }
    }

    private long Multiplicative()
    {
        var value = Unary();
        while (true)
        {
            if (AcceptSingle('*'))
            {
                value *= Unary();
            }
            else if (AcceptSingle('/') || AcceptSingle('%'))
            {
                var op = text[position - 1];
                var right = Unary();
                if (right == 0)
                {
                    throw new FormatException("divide by zero");
                }
                value = op == '/' ? value / right : value % right;
            }
            else
            {
                return value;
            }
        }
    }

    private long Unary()
    {
        SkipSpaces();
        if (Accept("++") || Accept("--"))
        {
            var increment = text[position - 1] == '+' ? 1 : -1;
            SkipSpaces();
            if (!TryName(out var name))
            {
                throw new FormatException("arithmetic syntax error");
            }
            var value = Variable(name) + increment;
            set(name, value.ToString(CultureInfo.InvariantCulture));
            return value;
        }
        if (AcceptSingle('-'))
        {
            return -Unary();
        }
        if (AcceptSingle('+'))
        {
            return Unary();
        }
        if (AcceptSingle('!'))
        {
            return Unary() == 0 ? 1 : 0;
        }
        return Primary();
    }

    private long Primary()
    {
        SkipSpaces();
        if (Accept("("))
        {
            var inner = Assignment();
            if (!Accept(")"))
            {
                throw new FormatException("arithmetic syntax error");
            }
            return inner;
        }
        if (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            var start = position;
            while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
            {
                position++;
            }
            var literal = text[start..position];
            if (literal.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
                long.TryParse(literal[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            {
                return hex;
            }
            if (long.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
            throw new FormatException("arithmetic syntax error");
        }
        if (TryName(out var name))
        {
            var value = Variable(name);
            SkipSpaces();
            if (Accept("++") || Accept("--"))
            {
                set(name, (value + (text[position - 1] == '+' ? 1 : -1)).ToString(CultureInfo.InvariantCulture));
            }
            return value;
        }
        throw new FormatException("arithmetic syntax error");
    }

    private long Variable(string name)
    {
        var raw = get(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return 0;
        }
        return long.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException("arithmetic syntax error");
    }

    private bool TryName(out string name)
    {
        name = "";
        if (position >= text.Length || !(char.IsAsciiLetter(text[position]) || text[position] == '_'))
        {
            return false;
        }
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }
        name = text[start..position];
        return true;
    }

    private bool Peek(char c) => position < text.Length && text[position] == c;

    private bool Accept(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(text, position, token, 0, token.Length) != 0)
        {
            return false;
        }
        position += token.Length;
        return true;
    }

    // A single-character operator that is not the start of a two-character one (+ but not ++ or +=).
    private bool AcceptSingle(char c)
    {
        SkipSpaces();
        if (position >= text.Length || text[position] != c)
        {
            return false;
        }
        if (position + 1 < text.Length && (text[position + 1] == '=' || (text[position + 1] == c && c is '+' or '-')))
        {
            return false;
        }
        position++;
        return true;
    }

    private void SkipSpaces()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
