using KubeMcp.Cluster.Api;

namespace KubeMcp.Tests.Cluster.Defaulting;

/// <summary>Looks up built-in resource types for tests.</summary>
internal static class Resources
{
    private static readonly IReadOnlyList<ResourceType> All = BuiltinResources.Create();

    public static ResourceType Get(string kind, string group = "", string? version = null) =>
        All.First(r => r.Kind == kind && r.Group == group && (version is null || r.Version == version));
}
