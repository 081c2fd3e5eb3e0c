using System.Globalization;
using System.Text;

namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// <c>printf FORMAT [ARG]…</c>: <c>%s %b %c %d %i %u %o %x %X %f %e %g %%</c> with flags, width and precision,
/// backslash escapes in the format, and the format reused until the arguments run out.
/// </summary>
internal static class PrintfCommand
{
    /// <summary>The output, and the arguments that were not valid numbers (the caller reports them, status 1).</summary>
    public static (string Output, IReadOnlyList<string> InvalidNumbers) Format(string format, IReadOnlyList<string> args)
    {
        var output = new StringBuilder();
        var invalid = new List<string>();
        var next = 0;
        do
        {
            var consumedAny = false;
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '\\')
                {
                    var (escaped, consumed, stop) = EchoCommand.Escape(format, i, octalNeedsZero: false);
                    if (stop)
                    {
                        return (output.ToString(), invalid);
                    }
                    output.Append(escaped);
                    i += consumed - 1;
                    continue;
                }
                if (c != '%' || i + 1 >= format.Length)
                {
                    output.Append(c);
                    continue;
                }
                if (format[i + 1] == '%')
                {
                    output.Append('%');
                    i++;
                    continue;
                }
                var specStart = i;
                i++;
                while (i < format.Length && format[i] is '-' or '+' or ' ' or '#' or '0')
                {
                    i++;
                }
                while (i < format.Length && (char.IsAsciiDigit(format[i]) || format[i] == '.'))
                {
                    i++;
                }
                if (i >= format.Length)
                {
                    output.Append(format, specStart, format.Length - specStart);
                    break;
                }
                var spec = format[(specStart + 1)..i];
                var conversion = format[i];
                var arg = next < args.Count ? args[next] : null;
                if (arg is not null)
                {
                    next++;
                    consumedAny = true;
                }
                output.Append(Convert(spec, conversion, arg ?? "", arg is null, invalid));
            }
            if (!consumedAny)
            {
                break;
            }
        }
        while (next < args.Count);
        return (output.ToString(), invalid);
    }

    private static string Convert(string spec, char conversion, string arg, bool missing, List<string> invalid)
    {
        var flagEnd = 0;
        while (flagEnd < spec.Length && spec[flagEnd] is '-' or '+' or ' ' or '#' or '0')
        {
            flagEnd++;
        }
        var flags = spec[..flagEnd];
        var numbers = spec[flagEnd..];
        var left = flags.Contains('-');
        var zero = flags.Contains('0') && !left;
        var dot = numbers.IndexOf('.');
        var width = int.TryParse(dot < 0 ? numbers : numbers[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0;
        int? precision = dot < 0 ? null : int.TryParse(numbers[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        string text;
        switch (conversion)
        {
            case 's':
                text = precision is { } max && arg.Length > max ? arg[..max] : arg;
                break;
            case 'b':
                text = EchoCommand.Unescape(arg, octalNeedsZero: true).Text;
                break;
            case 'c':
                text = arg.Length > 0 ? arg[..1] : "";
                break;
            case 'd' or 'i' or 'u' or 'o' or 'x' or 'X':
                var number = ParseInteger(arg, missing, invalid);
                text = conversion switch
                {
                    'o' => System.Convert.ToString(number, 8),
                    'x' => number.ToString("x", CultureInfo.InvariantCulture),
                    'X' => number.ToString("X", CultureInfo.InvariantCulture),
                    _ => number.ToString(CultureInfo.InvariantCulture),
                };
                if (precision is { } digits && text.TrimStart('-').Length < digits)
                {
                    text = (number < 0 ? "-" : "") + text.TrimStart('-').PadLeft(digits, '0');
                }
                if (flags.Contains('+') && number >= 0 && conversion is 'd' or 'i')
                {
                    text = "+" + text;
                }
                break;
            case 'f' or 'F' or 'e' or 'E' or 'g' or 'G':
                var value = ParseDouble(arg, missing, invalid);
                var p2 = precision ?? 6;
                text = conversion switch
                {
                    'f' or 'F' => value.ToString("F" + p2, CultureInfo.InvariantCulture),
                    'e' or 'E' => FormatExponent(value, p2, conversion == 'E'),
                    _ => value.ToString("G" + Math.Max(1, p2), CultureInfo.InvariantCulture),
                };
                break;
            default:
                return "%" + spec + conversion;
        }
        if (text.Length >= width)
        {
            return text;
        }
        if (left)
        {
            return text.PadRight(width);
        }
        if (zero && conversion is not ('s' or 'b' or 'c'))
        {
            var negative = text.StartsWith('-');
            var digitsOnly = negative ? text[1..] : text;
            return (negative ? "-" : "") + digitsOnly.PadLeft(width - (negative ? 1 : 0), '0');
        }
        return text.PadLeft(width);
    }

    private static string FormatExponent(double value, int precision, bool upper)
    {
        var text = value.ToString((upper ? "E" : "e") + precision, CultureInfo.InvariantCulture);
        // .NET writes e+006; C writes e+06.
        var e = text.IndexOfAny(['e', 'E']);
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return text[..(e + 1)] + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    private static long ParseInteger(string arg, bool missing, List<string> invalid)
    {
        if (missing || arg.Length == 0)
        {
            return 0;
        }
        var text = arg.Trim();
        if (text.Length >= 2 && text[0] is '\'' or '"')
        {
            return text[1];
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
            long.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            return hex;
        }
        invalid.Add(arg);
        var digits = new string([.. text.TakeWhile(char.IsAsciiDigit)]);
        return digits.Length > 0 ? long.Parse(digits, CultureInfo.InvariantCulture) : 0;
    }

    private static double ParseDouble(string arg, bool missing, List<string> invalid)
    {
        if (missing || arg.Length == 0)
        {
            return 0;
        }
        if (double.TryParse(arg.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        invalid.Add(arg);
        return 0;
    }
}
