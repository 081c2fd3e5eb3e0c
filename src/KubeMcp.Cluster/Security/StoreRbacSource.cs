using System.Text.Json.Nodes;
using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Authorization;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Security;

/// <summary>RBAC objects and the objects tokens are bound to, read straight from the cluster's store.</summary>
internal sealed class StoreRbacSource(ObjectStore store) : IRbacSource, IObjectLookup
{
    private const string Rbac = ".rbac.authorization.k8s.io";

    public IEnumerable<JsonObject> ClusterRoles() => store.List("clusterroles" + Rbac, null).Items;

    public IEnumerable<JsonObject> ClusterRoleBindings() => store.List("clusterrolebindings" + Rbac, null).Items;

    public IEnumerable<JsonObject> Roles(string @namespace) => store.List("roles" + Rbac, @namespace).Items;

    public IEnumerable<JsonObject> RoleBindings(string @namespace) => store.List("rolebindings" + Rbac, @namespace).Items;

    public JsonObject? Find(string resource, string? ns, string name) => store.Get(new ObjectKey(resource, ns ?? "", name));
}
