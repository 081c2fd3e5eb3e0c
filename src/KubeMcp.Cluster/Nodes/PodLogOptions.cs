using System.Globalization;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Http;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Nodes;

/// <summary>The query of <c>GET pods/{name}/log</c> (core/v1 PodLogOptions), parsed and validated as the API server does.</summary>
internal sealed record PodLogOptions
{
    public string? Container { get; init; }

    public bool Follow { get; init; }

    public bool Previous { get; init; }

    public long? SinceSeconds { get; init; }

    public DateTimeOffset? SinceTime { get; init; }

    public bool Timestamps { get; init; }

    public long? TailLines { get; init; }

    public long? LimitBytes { get; init; }

    /// <summary>The earliest line time wanted, given the time of the request.</summary>
    public DateTimeOffset? Since(DateTimeOffset now) =>
        SinceTime ?? (SinceSeconds is { } s ? now - TimeSpan.FromSeconds(Math.Min(s, (long)TimeSpan.MaxValue.TotalSeconds / 2)) : null);

    /// <summary>Reads the query; malformed values are a 400, values out of range a 422 naming the field.</summary>
    public static PodLogOptions Parse(IQueryCollection query, string podName)
    {
        var options = new PodLogOptions
        {
            Container = NullIfEmpty(query["container"]),
            Follow = QueryOptions.Bool(query, "follow"),
            Previous = QueryOptions.Bool(query, "previous"),
            Timestamps = QueryOptions.Bool(query, "timestamps"),
            SinceSeconds = Integer(query, "sinceSeconds"),
            SinceTime = Time(query, "sinceTime"),
            TailLines = Integer(query, "tailLines"),
            LimitBytes = Integer(query, "limitBytes"),
        };
        var errors = new List<FieldError>();
        if (options.TailLines is < 0)
        {
            errors.Add(new FieldError("FieldValueInvalid", "tailLines", $"Invalid value: {options.TailLines}: must be greater than or equal to 0"));
        }
        if (options.LimitBytes is < 1)
        {
            errors.Add(new FieldError("FieldValueInvalid", "limitBytes", $"Invalid value: {options.LimitBytes}: must be greater than 0"));
        }
        if (options.SinceSeconds is not null && options.SinceTime is not null)
        {
            errors.Add(new FieldError("FieldValueForbidden", "sinceSeconds", "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified"));
        }
        else if (options.SinceSeconds is < 1)
        {
            errors.Add(new FieldError("FieldValueInvalid", "sinceSeconds", $"Invalid value: {options.SinceSeconds}: must be greater than 0"));
        }
        if (errors.Count > 0)
        {
            throw ApiException.Invalid("PodLogOptions", podName, errors);
        }
        return options;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static long? Integer(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid value \"{text}\" for {name}: must be an integer");
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        return Rfc3339.TryParse(text, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid value \"{text}\" for {name}: must be an RFC 3339 time such as 2025-03-14T09:26:53Z");
    }
}
