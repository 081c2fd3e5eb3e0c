using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authorization;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Admission;

/// <summary>
/// The clusterrole-aggregation controller, run inline: whenever a ClusterRole changes, roles with an aggregationRule
/// get the rules of the roles their selectors match (so a CRD's aggregate-to-view role extends <c>view</c>).
/// </summary>
internal sealed class ClusterRoleAggregation : IAdmissionPlugin
{
    private static readonly WriteOptions Write = new("clusterrole-aggregation-controller");

    public void Admit(AdmissionContext context, JsonObject obj)
    {
    }

    public void Committed(AdmissionContext context, JsonObject stored)
    {
        if (IsClusterRole(context.Type))
        {
            Aggregate(context.Registry, context.Type);
        }
    }

    public void Deleted(ObjectRegistry registry, ResourceType type, JsonObject deleted)
    {
        if (IsClusterRole(type))
        {
            Aggregate(registry, type);
        }
    }

    private static void Aggregate(ObjectRegistry registry, ResourceType type)
    {
        foreach (var changed in ClusterRoleAggregator.Aggregate(registry.Store.List(type.StorageKey, null).Items))
        {
            var stored = registry.TryGet(type, null, changed.Name());
            if (stored is not null && !JsonNode.DeepEquals(stored["rules"], changed["rules"]))
            {
                registry.Update(type, null, changed.Name(), changed, Write);
            }
        }
    }

    private static bool IsClusterRole(ResourceType type) => type.Kind == "ClusterRole" && type.Group == "rbac.authorization.k8s.io";
}
