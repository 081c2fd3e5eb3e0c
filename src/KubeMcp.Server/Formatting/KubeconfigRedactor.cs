using System.Text.Json.Nodes;

namespace KubeMcp.Server.Formatting;

/// <summary>
/// Makes a kubeconfig safe to show: credentials (tokens, passwords, private keys, auth-provider secrets, exec
/// environment values) become <c>REDACTED</c> and certificate blobs <c>DATA+OMITTED</c>, as <c>kubectl config view</c> does.
/// </summary>
internal static class KubeconfigRedactor
{
    private static readonly HashSet<string> SecretFields = new(StringComparer.Ordinal)
    {
        "token", "password", "client-key-data", "access-token", "refresh-token", "id-token", "client-secret",
    };

    private static readonly HashSet<string> DataFields = new(StringComparer.Ordinal)
    {
        "client-certificate-data", "certificate-authority-data",
    };

    /// <summary>A redacted copy, reduced to the current context's cluster and user when <paramref name="minify"/> is set.</summary>
    public static JsonObject Redact(JsonObject kubeconfig, bool minify, string? currentContext)
    {
        var copy = (JsonObject)kubeconfig.DeepClone();
        if (minify)
        {
            var current = currentContext ?? copy.Str("current-context");
            var context = copy.Objects("contexts").FirstOrDefault(c => c.Str("name") == current);
            var cluster = context.Str("context.cluster");
            var user = context.Str("context.user");
            Keep(copy, "contexts", current);
            Keep(copy, "clusters", cluster);
            Keep(copy, "users", user);
            copy["current-context"] = current;
        }
        Walk(copy);
        return copy;
    }

    private static void Keep(JsonObject config, string list, string? name)
    {
        if (config[list] is JsonArray array)
        {
            config[list] = new JsonArray(array.OfType<JsonObject>().Where(o => o.Str("name") == name).Select(o => o.DeepClone()).ToArray());
        }
    }

    private static void Walk(JsonNode? node, string? parent = null)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (SecretFields.Contains(key) && o[key] is JsonValue)
                    {
                        o[key] = "REDACTED";
                    }
                    else if (DataFields.Contains(key) && o[key] is JsonValue)
                    {
                        o[key] = "DATA+OMITTED";
                    }
                    else if (parent == "env" && key == "value")
                    {
                        // exec plugins often carry secrets in their environment.
                        o[key] = "REDACTED";
                    }
                    else
                    {
                        Walk(o[key], key);
                    }
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Walk(item, parent);
                }
                break;
        }
    }
}
