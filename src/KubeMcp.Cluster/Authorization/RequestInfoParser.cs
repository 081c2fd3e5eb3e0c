using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authentication;

namespace KubeMcp.Cluster.Authorization;

/// <summary>
/// Derives what a request asks to do from its method, path and query, as kube-apiserver's RequestInfo does:
/// <c>/api/v1/...</c> and <c>/apis/GROUP/VERSION/...</c> are resource requests whose verb comes from the method
/// (GET on a collection is <c>list</c>, or <c>watch</c> with <c>?watch=true</c>; DELETE on one is
/// <c>deletecollection</c>); anything else (<c>/version</c>, <c>/healthz</c>, discovery roots) is a non-resource
/// request whose verb is the lower-cased method.
/// </summary>
internal static class RequestInfoParser
{
    private static readonly HashSet<string> ApiPrefixes = ["api", "apis"];
    private static readonly HashSet<string> SpecialVerbs = ["proxy", "watch"];
    private static readonly HashSet<string> NamespaceSubresources = ["status", "finalize"];

    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The decoded URL path.</param>
    /// <param name="query">The raw query string, with or without the leading <c>?</c>; may be null.</param>
    /// <param name="user">Who is asking, carried into the attributes.</param>
    /// <exception cref="ApiException">400 for a resource path that names no resource (e.g. <c>/api/v1/watch</c>).</exception>
    public static RequestAttributes Parse(string method, string path, string? query, UserInfo? user = null)
    {
        var nonResource = RequestAttributes.ForPath(user ?? UserInfo.Anonymous, method.ToLowerInvariant(), path);
        var parts = path.Trim('/').Split('/', StringSplitOptions.None);
        if (path.Trim('/').Length == 0 || parts.Length < 3 || !ApiPrefixes.Contains(parts[0]))
        {
            return nonResource;
        }

        var rest = parts.AsSpan(1);
        var group = "";
        if (parts[0] == "apis")
        {
            if (rest.Length < 3)
            {
                return nonResource;
            }
            group = rest[0];
            rest = rest[1..];
        }
        var version = rest[0];
        rest = rest[1..];

        string verb;
        if (SpecialVerbs.Contains(rest[0]))
        {
            if (rest.Length < 2)
            {
                throw ApiException.BadRequest($"unable to determine kind and namespace from url {path}");
            }
            verb = rest[0];
            rest = rest[1..];
        }
        else
        {
            verb = method.ToUpperInvariant() switch
            {
                "POST" => "create",
                "GET" or "HEAD" => "get",
                "PUT" => "update",
                "PATCH" => "patch",
                "DELETE" => "delete",
                _ => "",
            };
        }

        // /namespaces/{ns}/{resource}/... is relative to the resource, unless it is the namespace's own subresource.
        var @namespace = "";
        if (rest[0] == "namespaces" && rest.Length > 1)
        {
            @namespace = rest[1];
            if (rest.Length > 2 && !NamespaceSubresources.Contains(rest[2]))
            {
                rest = rest[2..];
            }
        }

        var resource = rest[0];
        var name = rest.Length >= 2 ? rest[1] : "";
        var subresource = rest.Length >= 3 && verb != "proxy" ? rest[2] : "";

        if (name.Length == 0 && verb == "get")
        {
            var parameters = QueryParameters(query);
            verb = IsWatch(parameters) ? "watch" : "list";
            name = NameFromFieldSelector(parameters);
        }
        if (name.Length == 0 && verb == "delete")
        {
            verb = "deletecollection";
        }

        return new RequestAttributes
        {
            User = nonResource.User,
            Verb = verb,
            IsResourceRequest = true,
            ApiGroup = group,
            ApiVersion = version,
            Resource = resource,
            Subresource = subresource,
            Namespace = @namespace,
            Name = name,
            Path = path,
        };
    }

    /// <summary><c>?watch</c> counts as true unless its value is <c>0</c> or <c>false</c>, as Go's parameter codec reads it.</summary>
    private static bool IsWatch(List<KeyValuePair<string, string>> parameters) =>
        parameters.FirstOrDefault(p => p.Key == "watch") is { Key: not null } watch &&
        watch.Value != "0" && !watch.Value.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A list or watch narrowed to one object by <c>fieldSelector=metadata.name=NAME</c> is authorized as a request for
    /// that name, so rules with resourceNames can allow it.
    /// </summary>
    private static string NameFromFieldSelector(List<KeyValuePair<string, string>> parameters)
    {
        var selector = parameters.FirstOrDefault(p => p.Key == "fieldSelector").Value;
        if (string.IsNullOrEmpty(selector))
        {
            return "";
        }
        foreach (var term in selector.Split(','))
        {
            var (field, value) = term.Contains("==") ? Split(term, "==") : Split(term, "=");
            if (field.Trim() == "metadata.name" && value is not null && !term.Contains("!="))
            {
                value = value.Trim();
                return IsValidPathSegment(value) ? value : "";
            }
        }
        return "";
    }

    private static (string Field, string? Value) Split(string term, string separator)
    {
        var at = term.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (term, null) : (term[..at], term[(at + separator.Length)..]);
    }

    private static bool IsValidPathSegment(string name) =>
        name.Length > 0 && name is not ("." or "..") && !name.Contains('/') && !name.Contains('%');

    private static List<KeyValuePair<string, string>> QueryParameters(string? query)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(query))
        {
            return result;
        }
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var key = at < 0 ? pair : pair[..at];
            var value = at < 0 ? "" : pair[(at + 1)..];
            result.Add(new(Decode(key), Decode(value)));
        }
        return result;
    }

    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));
}
