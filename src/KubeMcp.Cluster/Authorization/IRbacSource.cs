using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Authorization;

/// <summary>
/// The RBAC objects (rbac.authorization.k8s.io/v1, wire shape) the authorizer reads. Implementations return stored
/// snapshots; the authorizer never mutates them.
/// </summary>
internal interface IRbacSource
{
    IEnumerable<JsonObject> ClusterRoles();

    IEnumerable<JsonObject> ClusterRoleBindings();

    IEnumerable<JsonObject> Roles(string @namespace);

    IEnumerable<JsonObject> RoleBindings(string @namespace);
}
