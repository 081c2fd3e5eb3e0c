using System.Globalization;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Http;

/// <summary>Reads the common query parameters, rejecting malformed values with a 400 that names them.</summary>
internal static class QueryOptions
{
    public static ListOptions List(HttpRequest request)
    {
        var q = request.Query;
        int? limit = null;
        if (q.TryGetValue("limit", out var l) && !string.IsNullOrEmpty(l))
        {
            limit = int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw ApiException.BadRequest($"invalid limit \"{l}\": must be a non-negative integer");
        }
        return new ListOptions(NullIfEmpty(q["labelSelector"]), NullIfEmpty(q["fieldSelector"]), limit, NullIfEmpty(q["continue"]));
    }

    public static WriteOptions Write(HttpRequest request) =>
        new(NullIfEmpty(request.Query["fieldManager"]) ?? DefaultManager(request), DryRun(request));

    public static bool DryRun(HttpRequest request)
    {
        var value = request.Query["dryRun"].ToString();
        return value switch
        {
            "" => false,
            "All" => true,
            _ => throw ApiException.BadRequest($"invalid dryRun value \"{value}\": the only supported value is \"All\""),
        };
    }

    public static bool IsWatch(HttpRequest request) =>
        request.Query["watch"].ToString() is "true" or "1" or "True";

    public static long? TimeoutSeconds(HttpRequest request) =>
        long.TryParse(request.Query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;

    /// <summary>Like the API server, the default field manager is the client's user-agent program name.</summary>
    /// <summary>A boolean query parameter as the API server reads one; absent is false.</summary>
    public static bool Bool(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        return text switch
        {
            "" or "false" or "False" or "0" => false,
            "true" or "True" or "1" => true,
            _ => throw ApiException.BadRequest($"invalid value \"{text}\" for {name}: must be true or false"),
        };
    }

    private static string DefaultManager(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        var name = agent.Split('/', ' ')[0];
        return string.IsNullOrEmpty(name) ? "unknown" : name;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
