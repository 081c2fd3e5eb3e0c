using System.Globalization;

namespace KubeMcp.Cluster.Validation;

/// <summary>
/// Parses a CronJob schedule the way the API server and the CronJob controller do (the standard five-field cron
/// syntax with names, ranges, steps and the <c>@hourly</c>-style descriptors): <see cref="Check"/> returns the
/// parser's error text or null when valid, <see cref="Parse"/> the schedule's times.
/// </summary>
internal static class CronSchedule
{
    private sealed record FieldBounds(int Min, int Max, IReadOnlyDictionary<string, int>? Names = null);

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> Days = new(StringComparer.Ordinal)
    {
        ["sun"] = 0, ["mon"] = 1, ["tue"] = 2, ["wed"] = 3, ["thu"] = 4, ["fri"] = 5, ["sat"] = 6,
    };

    private static readonly FieldBounds[] Fields =
    [
        new(0, 59), new(0, 23), new(1, 31), new(1, 12, Months), new(0, 6, Days),
    ];

    private static readonly Dictionary<string, string> Descriptors = new(StringComparer.Ordinal)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    public static string? Check(string schedule) => Parse(schedule, out _);

    /// <summary>Parses a schedule; returns the parser's error text (and no times) when it is not valid.</summary>
    public static string? Parse(string schedule, out CronTimes? times)
    {
        times = null;
        var trimmed = schedule.Trim();
        if (trimmed.Length == 0)
        {
            return "empty spec string";
        }
        if (trimmed.StartsWith("TZ=", StringComparison.Ordinal) || trimmed.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            return "cannot use TZ or CRON_TZ in schedule, use timeZone field instead";
        }
        if (trimmed.StartsWith('@'))
        {
            if (Descriptors.TryGetValue(trimmed, out var equivalent))
            {
                return Parse(equivalent, out times);
            }
            if (trimmed.StartsWith("@every ", StringComparison.Ordinal))
            {
                if (Duration(trimmed["@every ".Length..]) is not { } every)
                {
                    return $"failed to parse duration {trimmed}";
                }
                times = CronTimes.Every(every);
                return null;
            }
            return $"unrecognized descriptor: {trimmed}";
        }
        var fields = trimmed.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return $"expected exactly 5 fields, found {fields.Length}: [{string.Join(' ', fields)}]";
        }
        var bits = new ulong[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            foreach (var part in fields[i].Split(','))
            {
                if (Range(part, Fields[i], ref bits[i]) is { } error)
                {
                    return error;
                }
            }
        }
        times = new CronTimes(bits[0], bits[1], bits[2], bits[3], bits[4]);
        return null;
    }

    private static string? Range(string expr, FieldBounds bounds, ref ulong bits)
    {
        var star = false;
        var rangeAndStep = expr.Split('/');
        var step = 1;
        var lowAndHigh = rangeAndStep[0].Split('-');
        int start, end;
        if (lowAndHigh[0] is "*" or "?")
        {
            start = bounds.Min;
            end = bounds.Max;
            star = true;
        }
        else
        {
            if (Number(lowAndHigh[0], bounds.Names, expr, out start) is { } startError)
            {
                return startError;
            }
            end = start;
            switch (lowAndHigh.Length)
            {
                case 1:
                    break;
                case 2:
                    if (Number(lowAndHigh[1], bounds.Names, expr, out end) is { } endError)
                    {
                        return endError;
                    }
                    break;
                default:
                    return $"too many hyphens: {expr}";
            }
        }
        switch (rangeAndStep.Length)
        {
            case 1:
                break;
            case 2:
                if (!int.TryParse(rangeAndStep[1], NumberStyles.None, CultureInfo.InvariantCulture, out step))
                {
                    return $"failed to parse int from {rangeAndStep[1]}: strconv.Atoi: parsing {Go.Quote(rangeAndStep[1])}: invalid syntax";
                }
                if (step <= 0)
                {
                    return $"step of range should be a positive number: {expr}";
                }
                if (lowAndHigh.Length == 1 && lowAndHigh[0] is not ("*" or "?"))
                {
                    end = bounds.Max;
                }
                break;
            default:
                return $"too many slashes: {expr}";
        }
        if (start < bounds.Min)
        {
            return $"beginning of range ({start}) below minimum ({bounds.Min}): {expr}";
        }
        if (end > bounds.Max)
        {
            return $"end of range ({end}) above maximum ({bounds.Max}): {expr}";
        }
        if (start > end)
        {
            return $"beginning of range ({start}) beyond end of range ({end}): {expr}";
        }
        for (var v = start; v <= end; v += step)
        {
            bits |= 1UL << v;
        }
        if (star && step == 1)
        {
            // As in the cron library: a bare * (no step) makes day-of-month and day-of-week combine with AND.
            bits |= CronTimes.StarBit;
        }
        return null;
    }

    private static string? Number(string text, IReadOnlyDictionary<string, int>? names, string expr, out int value)
    {
        if (names is not null && names.TryGetValue(text.ToLowerInvariant(), out value))
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return $"failed to parse int from {text}: strconv.Atoi: parsing {Go.Quote(text)}: invalid syntax";
        }
        return value < 0 ? $"negative number ({value}) not allowed: {expr}" : null;
    }

    /// <summary>A Go duration (<c>1h30m</c>, <c>90s</c>, <c>1.5h</c>); null when malformed.</summary>
    private static TimeSpan? Duration(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, "^(?:([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|s|m|h))+\\z");
        if (!match.Success)
        {
            return null;
        }
        var ticks = 0.0;
        for (var i = 0; i < match.Groups[1].Captures.Count; i++)
        {
            var value = double.Parse(match.Groups[1].Captures[i].Value, CultureInfo.InvariantCulture);
            ticks += value * match.Groups[2].Captures[i].Value switch
            {
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" => TimeSpan.TicksPerSecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "us" or "µs" => TimeSpan.TicksPerMicrosecond,
                _ => 0.01,
            };
        }
        return TimeSpan.FromTicks((long)ticks);
    }
}
