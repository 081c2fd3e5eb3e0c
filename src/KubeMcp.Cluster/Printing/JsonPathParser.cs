using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Printing;

/// <summary>Parses the JSONPath subset <see cref="JsonPath"/> evaluates into steps.</summary>
internal static class JsonPathParser
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "<", ">"];

    public static IReadOnlyList<JsonPathStep> Parse(string expression)
    {
        var text = expression.Trim();
        if (text.StartsWith('{'))
        {
            if (!text.EndsWith('}'))
            {
                throw Error(expression, "unclosed '{'");
            }
            text = text[1..^1].Trim();
        }
        if (text.StartsWith('$'))
        {
            text = text[1..];
        }
        if (text.Length == 0)
        {
            throw Error(expression, "the path is empty");
        }
        return ParseSteps(expression, text, allowBareRoot: true);
    }

    /// <summary>Parses the steps of <paramref name="text"/>; <c>.</c> alone selects the root.</summary>
    private static List<JsonPathStep> ParseSteps(string expression, string text, bool allowBareRoot)
    {
        var steps = new List<JsonPathStep>();
        if (allowBareRoot && text == ".")
        {
            return steps;
        }
        var pos = 0;
        while (pos < text.Length)
        {
            switch (text[pos])
            {
                case '.' when pos + 1 < text.Length && text[pos + 1] == '.':
                    pos += 2;
                    var recursiveName = ReadName(expression, text, ref pos);
                    steps.Add(new JsonPathStep(JsonPathStep.StepKind.RecursiveField, Name: recursiveName));
                    break;
                case '.':
                    pos++;
                    var name = ReadName(expression, text, ref pos);
                    steps.Add(name == "*"
                        ? new JsonPathStep(JsonPathStep.StepKind.Wildcard)
                        : new JsonPathStep(JsonPathStep.StepKind.Field, Name: name));
                    break;
                case '[':
                    var close = FindClose(expression, text, pos);
                    steps.Add(ParseBracket(expression, text[(pos + 1)..close].Trim()));
                    pos = close + 1;
                    break;
                default:
                    throw Error(expression, $"unexpected '{text[pos]}' at position {pos}; each step starts with '.' or '['");
            }
        }
        return steps;
    }

    private static string ReadName(string expression, string text, ref int pos)
    {
        var name = new StringBuilder();
        while (pos < text.Length && text[pos] is not ('.' or '[' or ']'))
        {
            if (text[pos] == '\\' && pos + 1 < text.Length)
            {
                pos++;
            }
            name.Append(text[pos]);
            pos++;
        }
        if (name.Length == 0)
        {
            throw Error(expression, $"missing field name at position {pos}");
        }
        return name.ToString();
    }

    /// <summary>The position of the ']' closing the bracket at <paramref name="open"/>, skipping quotes and parens.</summary>
    private static int FindClose(string expression, string text, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
                continue;
            }
            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ']' when depth == 0:
                    return i;
            }
        }
        throw Error(expression, $"unclosed '[' at position {open}");
    }

    private static JsonPathStep ParseBracket(string expression, string content)
    {
        if (content == "*")
        {
            return new JsonPathStep(JsonPathStep.StepKind.Wildcard);
        }
        if (content.StartsWith('?'))
        {
            return new JsonPathStep(JsonPathStep.StepKind.Filter, Filter: ParseFilter(expression, content[1..].Trim()));
        }
        if (content.Length >= 2 && content[0] is '\'' or '"' && content[^1] == content[0])
        {
            return new JsonPathStep(JsonPathStep.StepKind.Field, Name: Unquote(content));
        }
        if (content.Contains(':'))
        {
            var parts = content.Split(':');
            if (parts.Length > 3)
            {
                throw Error(expression, $"invalid slice '[{content}]'");
            }
            var step = parts.Length == 3 && parts[2].Trim().Length > 0 ? Integer(expression, parts[2]) : 1;
            if (step <= 0)
            {
                throw Error(expression, $"slice step must be positive in '[{content}]'");
            }
            return new JsonPathStep(JsonPathStep.StepKind.Slice,
                Start: parts[0].Trim().Length == 0 ? null : Integer(expression, parts[0]),
                End: parts[1].Trim().Length == 0 ? null : Integer(expression, parts[1]),
                Step: step);
        }
        return new JsonPathStep(JsonPathStep.StepKind.Index, Index: Integer(expression, content));
    }

    private static JsonPathFilter ParseFilter(string expression, string text)
    {
        if (text.Length < 2 || text[0] != '(' || text[^1] != ')')
        {
            throw Error(expression, $"a filter must look like ?(@.field==\"value\"), not '?{text}'");
        }
        var body = text[1..^1].Trim();
        var (at, op) = FindOperator(body);
        if (op is null)
        {
            return new JsonPathFilter(Operand(expression, body), null, null);
        }
        return new JsonPathFilter(
            Operand(expression, body[..at].Trim()), op, Operand(expression, body[(at + op.Length)..].Trim()));
    }

    private static (int At, string? Operator) FindOperator(string body)
    {
        char? quote = null;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (quote is { } q)
            {
                quote = c == q ? null : quote;
                continue;
            }
            if (c is '\'' or '"')
            {
                quote = c;
                continue;
            }
            foreach (var op in Operators)
            {
                if (string.CompareOrdinal(body, i, op, 0, op.Length) == 0)
                {
                    return (i, op);
                }
            }
        }
        return (-1, null);
    }

    private static JsonPathFilter.Operand Operand(string expression, string text)
    {
        if (text.Length == 0)
        {
            throw Error(expression, "a filter operand is empty");
        }
        if (text[0] == '@')
        {
            var relative = text[1..];
            return new JsonPathFilter.Operand(
                JsonPath.FromSteps(text, relative.Length == 0 ? [] : ParseSteps(expression, relative, allowBareRoot: false)), null);
        }
        if (text.Length >= 2 && text[0] is '\'' or '"' && text[^1] == text[0])
        {
            return new JsonPathFilter.Operand(null, JsonValue.Create(Unquote(text)));
        }
        if (text is "true" or "false")
        {
            return new JsonPathFilter.Operand(null, JsonValue.Create(text == "true"));
        }
        if (text == "null")
        {
            return new JsonPathFilter.Operand(null, null);
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new JsonPathFilter.Operand(null, JsonValue.Create(number));
        }
        throw Error(expression, $"unrecognized filter operand '{text}'");
    }

    private static string Unquote(string quoted)
    {
        var sb = new StringBuilder();
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length - 1)
            {
                i++;
            }
            sb.Append(quoted[i]);
        }
        return sb.ToString();
    }

    private static int Integer(string expression, string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(expression, $"'{text.Trim()}' is not an array index");

    private static FormatException Error(string expression, string why) =>
        new($"invalid JSONPath \"{expression}\": {why}");
}
