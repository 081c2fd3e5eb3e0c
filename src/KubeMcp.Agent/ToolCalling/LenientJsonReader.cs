using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeMcp.Agent.ToolCalling;

/// <summary>
/// Reads one JSON value the way a model tends to write it, not the way RFC 8259 demands: single-quoted strings,
/// unquoted keys, trailing or missing commas, Python literals (<c>True</c>, <c>None</c>), comments, and containers left
/// open at the end of the text (a reply cut off by the token limit). Text after the value is ignored.
/// </summary>
/// <remarks>
/// Strict JSON is a subset, so valid input parses to the same value <see cref="JsonNode.Parse(string, JsonNodeOptions?, System.Text.Json.JsonDocumentOptions)"/>
/// would give. Nesting is capped so hostile input cannot exhaust the stack.
/// </remarks>
internal sealed class LenientJsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _pos;

    private LenientJsonReader(string text, int start)
    {
        _text = text;
        _pos = start;
    }

    /// <summary>True when the value had to be repaired (an unterminated string or container was closed).</summary>
    public bool Repaired { get; private set; }

    /// <summary>Parses the value starting at <paramref name="start"/> (leading whitespace allowed).</summary>
    /// <returns>False, with <paramref name="error"/> set, when nothing sensible could be read.</returns>
    public static bool TryRead(string text, int start, out JsonNode? value, out int end, out bool repaired, out string? error)
    {
        var reader = new LenientJsonReader(text, start);
        try
        {
            value = reader.ReadValue(0);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            value = null;
            error = ex.Message;
            return false;
        }
        finally
        {
            end = reader._pos;
            repaired = reader.Repaired;
        }
    }

    private JsonNode? ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException("the JSON is nested too deeply");
        }

        SkipWhitespaceAndComments();
        if (_pos >= _text.Length)
        {
            throw new FormatException("the text ended where a value was expected");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"' or '\'' or '\u201C' or '\u2018':
                return JsonValue.Create(ReadString());
            case '-' or '+' or '.' or (>= '0' and <= '9'):
                return ReadNumber();
            default:
                if (IsWordChar(c))
                {
                    return ReadWord();
                }

                throw new FormatException($"unexpected character '{c}' at offset {_pos}");
        }
    }

    private JsonObject ReadObject(int depth)
    {
        _pos++; // '{'
        var result = new JsonObject();
        while (true)
        {
            SkipSeparators();
            if (_pos >= _text.Length)
            {
                Repaired = true;
                return result;
            }

            if (_text[_pos] == '}')
            {
                _pos++;
                return result;
            }

            if (_text[_pos] == ']')
            {
                // A mismatched bracket: treat it as the end of this object and leave it for the parent.
                Repaired = true;
                return result;
            }

            var key = ReadKey();
            SkipWhitespaceAndComments();
            if (_pos < _text.Length && (_text[_pos] == ':' || _text[_pos] == '='))
            {
                _pos++;
            }
            else
            {
                throw new FormatException($"expected ':' after the key \"{key}\"");
            }

            SkipWhitespaceAndComments();
            if (_pos >= _text.Length)
            {
                Repaired = true;
                result[key] = null;
                return result;
            }

            var value = ReadValue(depth + 1);
            result.Remove(key); // last one wins, as in most JSON readers
            result[key] = value;
        }
    }

    private JsonArray ReadArray(int depth)
    {
        _pos++; // '['
        var result = new JsonArray();
        while (true)
        {
            SkipSeparators();
            if (_pos >= _text.Length)
            {
                Repaired = true;
                return result;
            }

            if (_text[_pos] == ']')
            {
                _pos++;
                return result;
            }

            if (_text[_pos] == '}')
            {
                Repaired = true;
                return result;
            }

            result.Add(ReadValue(depth + 1));
        }
    }

    private string ReadKey()
    {
        var c = _text[_pos];
        if (c is '"' or '\'' or '\u201C' or '\u2018')
        {
            return ReadString();
        }

        var start = _pos;
        while (_pos < _text.Length && (IsWordChar(_text[_pos]) || _text[_pos] is '-' or '.' or '$'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw new FormatException($"expected a property name at offset {_pos}, found '{c}'");
        }

        return _text[start.._pos];
    }

    private string ReadString()
    {
        var quote = _text[_pos] switch
        {
            '\u201C' => '\u201D',
            '\u2018' => '\u2019',
            var q => q,
        };
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == quote)
            {
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                break;
            }

            var e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u' when _pos + 4 <= _text.Length
                    && int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default: sb.Append(e); break; // \" \' \\ \/ and anything unknown: keep the character
            }
        }

        Repaired = true;
        return sb.ToString();
    }

    private JsonNode ReadNumber()
    {
        var start = _pos;
        if (_text[_pos] is '-' or '+')
        {
            _pos++;
        }

        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E'
            || (_text[_pos] is '-' or '+' && _text[_pos - 1] is 'e' or 'E')))
        {
            _pos++;
        }

        var token = _text[start.._pos].TrimStart('+');
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
        {
            return JsonValue.Create(m);
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            return JsonValue.Create(d);
        }

        throw new FormatException($"'{token}' is not a number");
    }

    private JsonNode? ReadWord()
    {
        var start = _pos;
        while (_pos < _text.Length && (IsWordChar(_text[_pos]) || _text[_pos] is '-' or '.' or '/'))
        {
            _pos++;
        }

        var word = _text[start.._pos];
        switch (word)
        {
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            case "null" or "None" or "NULL" or "nil" or "undefined":
                return null;
            default:
                // An unquoted word (`"namespace": production`): the model meant a string.
                return JsonValue.Create(word);
        }
    }

    private void SkipSeparators()
    {
        while (true)
        {
            SkipWhitespaceAndComments();
            if (_pos < _text.Length && _text[_pos] is ',' or ';')
            {
                _pos++;
                continue;
            }

            return;
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                var nl = _text.IndexOf('\n', _pos);
                _pos = nl < 0 ? _text.Length : nl + 1;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                var close = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                _pos = close < 0 ? _text.Length : close + 2;
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
