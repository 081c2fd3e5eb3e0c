using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Controllers.Autoscaling;

/// <summary>
/// Where the HorizontalPodAutoscaler controller reads pod resource use from — the metrics.k8s.io view of a pod.
/// </summary>
internal interface IPodMetricsSource
{
    /// <summary>The pod's current use summed over its containers, or null when it has no metrics (not running).</summary>
    PodUsage? Usage(JsonObject pod);
}
