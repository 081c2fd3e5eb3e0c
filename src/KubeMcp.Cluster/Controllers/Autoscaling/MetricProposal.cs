using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Controllers.Autoscaling;

/// <summary>
/// What one metric of an HPA proposes: a replica count (null when the metric could not be read), the metric's name
/// as the HPA controller words it, its currentMetrics entry, and, on failure, the condition reason and error text.
/// </summary>
internal sealed record MetricProposal(int? Replicas, string MetricName, JsonObject Status, string? FailureReason = null, string? Error = null);
