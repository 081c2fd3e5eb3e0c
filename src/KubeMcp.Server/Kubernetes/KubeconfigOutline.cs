using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeMcp.Server.Kubernetes;

/// <summary>
/// What the server needs of a kubeconfig before it talks to a cluster: the contexts (with their server, namespace
/// and user) and the current context. Read with the YAML parser alone: the client library's full kubeconfig loader
/// first maps every Kubernetes model type by reflection, which cost more than half of the server's start-up time,
/// so it now runs only when the first connection is made.
/// </summary>
internal sealed record KubeconfigOutline(IReadOnlyList<KubeContextInfo> Contexts, string? CurrentContext)
{
    /// <summary>Reads the outline; <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="ClusterConfigurationException">The text is not YAML or not a kubeconfig-shaped mapping.</exception>
    public static KubeconfigOutline Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ClusterConfigurationException($"cannot read {source} as a kubeconfig: {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ClusterConfigurationException($"cannot read {source} as a kubeconfig: it is not a YAML mapping with clusters, users and contexts.");
        }
        var servers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, body) in Named(root, "clusters", "cluster", source))
        {
            servers[name] = Scalar(body, "server") ?? "";
        }
        var authProviders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, body) in Named(root, "users", "user", source))
        {
            if (body is not null && body.Children.TryGetValue(new YamlScalarNode("auth-provider"), out var provider) && provider is YamlMappingNode p)
            {
                authProviders[name] = Scalar(p, "name") ?? "unnamed";
            }
        }
        var contexts = Named(root, "contexts", "context", source)
            .Select(c => new KubeContextInfo(
                c.Name,
                Scalar(c.Body, "cluster") is { } cluster && servers.TryGetValue(cluster, out var server) ? server : "",
                Scalar(c.Body, "namespace") is { Length: > 0 } ns ? ns : "default",
                Scalar(c.Body, "user"),
                Scalar(c.Body, "user") is { } user && authProviders.TryGetValue(user, out var provider) ? provider : null))
            .ToList();
        return new KubeconfigOutline(contexts, Scalar(root, "current-context"));
    }

    /// <summary>The entries of a list such as <c>contexts: [{name: x, context: {...}}]</c>.</summary>
    private static IEnumerable<(string Name, YamlMappingNode? Body)> Named(YamlMappingNode root, string list, string body, string source)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(list), out var node) || node is YamlScalarNode { Value: null or "" or "null" or "~" })
        {
            yield break;
        }
        if (node is not YamlSequenceNode sequence)
        {
            throw new ClusterConfigurationException($"cannot read {source} as a kubeconfig: '{list}' is not a list.");
        }
        foreach (var item in sequence)
        {
            if (item is not YamlMappingNode entry || Scalar(entry, "name") is not { Length: > 0 } name)
            {
                throw new ClusterConfigurationException($"cannot read {source} as a kubeconfig: an entry of '{list}' has no name.");
            }
            yield return (name, entry.Children.TryGetValue(new YamlScalarNode(body), out var b) ? b as YamlMappingNode : null);
        }
    }

    private static string? Scalar(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;
}
