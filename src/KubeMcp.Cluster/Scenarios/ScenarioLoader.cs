using System.Reflection;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Scenarios;

/// <summary>
/// Scenarios are plain multi-document Kubernetes YAML, applied in order as <c>kubectl apply</c> would create them.
/// The built-in ones ship inside this assembly; any other file path works too.
/// </summary>
public static class ScenarioLoader
{
    private const string ResourcePrefix = "KubeMcp.Cluster.Scenarios.";

    /// <summary>The built-in scenarios: name and the description from the first comment line of their YAML.</summary>
    public static IReadOnlyList<(string Name, string Description)> BuiltIn() =>
        typeof(ScenarioLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)
            .Select(name => (name, Describe(ReadBuiltIn(name)!)))
            .ToList();

    /// <summary>The YAML of a built-in scenario name, or of a file; a clear error when neither exists.</summary>
    public static string Read(string nameOrFile)
    {
        if (ReadBuiltIn(nameOrFile) is { } yaml)
        {
            return yaml;
        }
        if (File.Exists(nameOrFile))
        {
            return File.ReadAllText(nameOrFile);
        }
        var names = string.Join(", ", BuiltIn().Select(s => s.Name));
        throw new ScenarioException($"no scenario \"{nameOrFile}\": give a built-in name ({names}) or the path of a YAML file");
    }

    internal static IReadOnlyList<JsonObject> Apply(ObjectRegistry registry, string yaml)
    {
        IReadOnlyList<JsonNode> documents;
        try
        {
            documents = YamlDocuments.Parse(yaml);
        }
        catch (ApiException e)
        {
            throw new ScenarioException($"the scenario is not valid YAML: {e.Message}");
        }
        var created = new List<JsonObject>();
        var write = new WriteOptions("kubemcp-scenario");
        foreach (var document in documents)
        {
            if (document is not JsonObject obj)
            {
                throw new ScenarioException("every scenario document must be a Kubernetes object (a YAML mapping)");
            }
            var apiVersion = obj["apiVersion"]?.ToString();
            var kind = obj["kind"]?.ToString();
            if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
            {
                throw new ScenarioException($"a scenario object has no apiVersion or kind: {Truncate(obj.ToJsonString())}");
            }
            var type = registry.Catalog.FindByApiVersionKind(apiVersion, kind)
                ?? throw new ScenarioException($"the cluster does not serve {kind} in {apiVersion}");
            try
            {
                created.Add(registry.Create(type, type.Namespaced ? obj.Namespace() is { Length: > 0 } ns ? ns : "default" : null, obj, write));
            }
            catch (ApiException e) when (e.Code == 409 && type.Kind == "Namespace")
            {
                // Namespaces that already exist (default, kube-system) are fine.
            }
            catch (ApiException e)
            {
                throw new ScenarioException($"{kind} \"{obj.Name()}\" could not be created: {e.Message}");
            }
        }
        return created;
    }

    private static string? ReadBuiltIn(string name)
    {
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream($"{ResourcePrefix}{name}.yaml");
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Describe(string yaml) =>
        yaml.Split('\n').FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#', ' ').Trim() ?? "";

    private static string Truncate(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
