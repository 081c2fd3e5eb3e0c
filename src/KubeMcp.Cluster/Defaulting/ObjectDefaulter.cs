using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.OpenApi;

namespace KubeMcp.Cluster.Defaulting;

/// <summary>
/// Fills in the defaults a Kubernetes 1.32 API server sets on an object before storing it: the versioned-type
/// defaults (<c>SetDefaults_*</c>), the create-time additions of the default admission plugins and registry
/// strategies (service account, priority, tolerations, Job selectors, Service IPs), and schema defaults for custom
/// resources. Apply it to a fresh object on create, and on update to the merged new object (the server re-defaults
/// on every write). Malformed fields are left alone for validation to report.
/// </summary>
/// <param name="allocateClusterIP">Hands out a free Service cluster IP; without it, <c>spec.clusterIP</c> is left for
/// the caller to fill.</param>
/// <param name="allocateNodePort">Hands out a free node port for NodePort/LoadBalancer services; without it,
/// <c>nodePort</c> is left for the caller.</param>
internal sealed class ObjectDefaulter(Func<string>? allocateClusterIP = null, Func<int>? allocateNodePort = null)
{
    /// <summary>
    /// Mutates <paramref name="obj"/>, which must be the caller's own copy. Job selectors are generated from
    /// <c>metadata.uid</c>, so assign the uid first.
    /// </summary>
    public void Apply(ResourceType type, JsonObject obj)
    {
        if (type.IsCustom)
        {
            SchemaDefaults.Apply(CustomResourceSchemas.SourceSchema(type), obj);
            return;
        }
        switch (type.Group, type.Kind)
        {
            case ("", "Pod"):
                PodDefaults.Apply(obj);
                break;
            case ("", "PodTemplate"):
                WorkloadDefaults.PodTemplate(obj);
                break;
            case ("", "ReplicationController"):
                WorkloadDefaults.ReplicationController(obj);
                break;
            case ("", "Service"):
                ServiceDefaults.Apply(obj, allocateClusterIP, allocateNodePort);
                break;
            case ("", "Namespace"):
                CoreDefaults.Namespace(obj);
                break;
            case ("", "Secret"):
                CoreDefaults.Secret(obj);
                break;
            case ("", "PersistentVolumeClaim"):
                CoreDefaults.PersistentVolumeClaim(obj);
                break;
            case ("", "PersistentVolume"):
                CoreDefaults.PersistentVolume(obj);
                break;
            case ("", "Endpoints"):
                CoreDefaults.Endpoints(obj);
                break;
            case ("apps", "Deployment"):
                WorkloadDefaults.Deployment(obj);
                break;
            case ("apps", "ReplicaSet"):
                WorkloadDefaults.ReplicaSet(obj);
                break;
            case ("apps", "StatefulSet"):
                WorkloadDefaults.StatefulSet(obj);
                break;
            case ("apps", "DaemonSet"):
                WorkloadDefaults.DaemonSet(obj);
                break;
            case ("batch", "Job"):
                WorkloadDefaults.Job(obj);
                break;
            case ("batch", "CronJob"):
                WorkloadDefaults.CronJob(obj);
                break;
            case ("autoscaling", "HorizontalPodAutoscaler"):
                CoreDefaults.HorizontalPodAutoscaler(obj, type.Version);
                break;
            case ("networking.k8s.io", "NetworkPolicy"):
                CoreDefaults.NetworkPolicy(obj);
                break;
            case ("discovery.k8s.io", "EndpointSlice"):
                CoreDefaults.EndpointSlice(obj);
                break;
            case ("rbac.authorization.k8s.io", "RoleBinding" or "ClusterRoleBinding"):
                CoreDefaults.RoleBinding(obj);
                break;
            case ("storage.k8s.io", "StorageClass"):
                CoreDefaults.StorageClass(obj);
                break;
            case ("scheduling.k8s.io", "PriorityClass"):
                CoreDefaults.PriorityClass(obj);
                break;
        }
    }
}
