using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Admission;

/// <summary>
/// Namespace lifecycle as the namespace controller and the service-account controller run it: new namespaces get
/// their <c>default</c> ServiceAccount and <c>kube-root-ca.crt</c>; deleting a namespace removes everything in it;
/// the system namespaces cannot be deleted.
/// </summary>
internal sealed class NamespaceLifecycle : IAdmissionPlugin
{
    private static readonly string[] Immortal = ["default", "kube-system", "kube-public"];

    public void Admit(AdmissionContext context, JsonObject obj)
    {
        if (context.Type.Kind != "Namespace" || context.Type.Group.Length != 0 || context.Operation != AdmissionOperation.Create)
        {
            return;
        }
        var meta = obj.Meta();
        var labels = meta["labels"] as JsonObject ?? new JsonObject();
        labels["kubernetes.io/metadata.name"] = obj.Name();
        meta["labels"] = labels;
        obj.Ensure("spec")["finalizers"] = new JsonArray("kubernetes");
        obj.Ensure("status")["phase"] = "Active";
    }

    public void Committed(AdmissionContext context, JsonObject stored)
    {
        if (context.Type.Kind != "Namespace" || context.Type.Group.Length != 0 || context.Operation != AdmissionOperation.Create)
        {
            return;
        }
        var registry = context.Registry;
        var ns = stored.Name();
        var sa = registry.Catalog.Find("", "v1", "serviceaccounts")!;
        var cm = registry.Catalog.Find("", "v1", "configmaps")!;
        TryCreate(registry, sa, ns, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = ns },
        });
        TryCreate(registry, cm, ns, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = "kube-root-ca.crt",
                ["namespace"] = ns,
                ["annotations"] = new JsonObject { ["kubernetes.io/description"] = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." },
            },
            ["data"] = new JsonObject { ["ca.crt"] = "-----BEGIN CERTIFICATE-----\n(simulated by the KubeMcp embedded cluster)\n-----END CERTIFICATE-----\n" },
        });
    }

    public void Deleting(ObjectRegistry registry, ResourceType type, JsonObject current, DeleteOptions options)
    {
        if (type.Kind != "Namespace" || type.Group.Length != 0)
        {
            return;
        }
        var name = current.Name();
        if (Immortal.Contains(name))
        {
            throw ApiException.Forbidden($"namespaces \"{name}\" is forbidden: this namespace may not be deleted", type, name);
        }
        // Terminating first, so nothing new is created while the contents go.
        registry.Store.Update(type, registry.Key(type, null, name), ns =>
        {
            var next = ns.DeepClone().AsObject();
            next.Meta()["deletionTimestamp"] = registry.Clock.GetUtcNow().Timestamp();
            next.Ensure("status")["phase"] = "Terminating";
            return next;
        });
        foreach (var t in registry.Catalog.All.Where(t => t.Namespaced && !t.IsVirtual).DistinctBy(t => t.StorageKey))
        {
            foreach (var item in registry.Store.List(t.StorageKey, name).Items)
            {
                try
                {
                    registry.Delete(t, name, item.Name(), new DeleteOptions(GracePeriodSeconds: 0, PropagationPolicy: "Background"));
                }
                catch (ApiException e) when (e.Code == 404)
                {
                }
            }
        }
    }

    private static void TryCreate(ObjectRegistry registry, ResourceType type, string ns, JsonObject obj)
    {
        try
        {
            registry.Create(type, ns, obj, new WriteOptions("kube-controller-manager"));
        }
        catch (ApiException e) when (e.Code == 409)
        {
        }
    }
}
