using System.Globalization;
using System.Text;

namespace KubeMcp.Cli.Stats;

/// <summary>
/// Reads the Prometheus text exposition format (version 0.0.4): comments and blank lines are skipped, label values
/// are unescaped, timestamps ignored. Malformed lines raise <see cref="FormatException"/> with the line number.
/// </summary>
internal static class PrometheusText
{
    public static IReadOnlyList<MetricSample> Parse(string text)
    {
        var samples = new List<MetricSample>();
        var number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            samples.Add(ParseLine(line, number));
        }
        return samples;
    }

    private static MetricSample ParseLine(string line, int number)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
        {
            i++;
        }
        if (i == 0 || char.IsAsciiDigit(line[0]))
        {
            throw new FormatException($"line {number}: expected a metric name");
        }
        var name = line[..i];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i = ParseLabels(line, i + 1, labels, number);
        }
        var rest = line[i..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length is 0 or > 2)
        {
            throw new FormatException($"line {number}: expected a value after {name}");
        }
        var value = rest[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var v when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            var v => throw new FormatException($"line {number}: '{v}' is not a number"),
        };
        return new MetricSample(name, labels, value);
    }

    private static int ParseLabels(string line, int i, Dictionary<string, string> labels, int number)
    {
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or ',')
            {
                i++;
            }
            if (i < line.Length && line[i] == '}')
            {
                return i + 1;
            }
            var start = i;
            while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_'))
            {
                i++;
            }
            if (i == start || i >= line.Length || line[i] != '=' || i + 1 >= line.Length || line[i + 1] != '"')
            {
                throw new FormatException($"line {number}: malformed label at column {i + 1}");
            }
            var key = line[start..i];
            i += 2;
            var value = new StringBuilder();
            while (true)
            {
                if (i >= line.Length)
                {
                    throw new FormatException($"line {number}: unterminated label value for {key}");
                }
                var c = line[i++];
                if (c == '"')
                {
                    break;
                }
                if (c == '\\' && i < line.Length)
                {
                    var e = line[i++];
                    value.Append(e switch { 'n' => '\n', _ => e });
                    continue;
                }
                value.Append(c);
            }
            labels[key] = value.ToString();
        }
    }
}
