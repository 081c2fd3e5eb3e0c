using System.Text.Json.Nodes;
using KubeMcp.Cluster.Authorization;

namespace KubeMcp.Tests.Cluster.Authorization;

/// <summary>An <see cref="IRbacSource"/> over a list of objects, sorted into kinds by their <c>kind</c> field.</summary>
internal sealed class InMemoryRbacSource : IRbacSource
{
    private readonly List<JsonObject> _objects = [];

    public InMemoryRbacSource(IEnumerable<JsonObject>? objects = null) => _objects.AddRange(objects ?? []);

    public static InMemoryRbacSource WithBootstrapPolicy(params JsonObject[] extra) => new([.. BootstrapPolicy.Create(), .. extra]);

    public InMemoryRbacSource Add(params JsonObject[] objects)
    {
        _objects.AddRange(objects);
        return this;
    }

    public IEnumerable<JsonObject> ClusterRoles() => OfKind("ClusterRole", null);

    public IEnumerable<JsonObject> ClusterRoleBindings() => OfKind("ClusterRoleBinding", null);

    public IEnumerable<JsonObject> Roles(string @namespace) => OfKind("Role", @namespace);

    public IEnumerable<JsonObject> RoleBindings(string @namespace) => OfKind("RoleBinding", @namespace);

    private IEnumerable<JsonObject> OfKind(string kind, string? @namespace) => _objects.Where(o =>
        (string?)o["kind"] == kind && (@namespace is null || (string?)o["metadata"]?["namespace"] == @namespace));
}
