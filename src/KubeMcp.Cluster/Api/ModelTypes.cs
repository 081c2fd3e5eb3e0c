using System.Collections.Frozen;
using System.Reflection;
using k8s.Models;

namespace KubeMcp.Cluster.Api;

/// <summary>
/// Finds the KubernetesClient model class for a group/version/kind. Those classes are generated from the upstream
/// OpenAPI document, so they carry the field names, types and docs our schemas are built from.
/// </summary>
internal static class ModelTypes
{
    private static readonly FrozenDictionary<string, Type> ByGvk = typeof(V1Pod).Assembly.GetTypes()
        .Select(t => (Type: t, Attr: t.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(x => x.Attr is not null && !x.Type.Name.EndsWith("List", StringComparison.Ordinal))
        .GroupBy(x => Key(x.Attr!.Group ?? "", x.Attr.ApiVersion, x.Attr.Kind))
        .ToFrozenDictionary(g => g.Key, g => g.First().Type);

    public static Type? Find(string group, string version, string kind) =>
        ByGvk.GetValueOrDefault(Key(group, version, kind));

    private static string Key(string group, string version, string kind) => $"{group}/{version}/{kind}";
}
