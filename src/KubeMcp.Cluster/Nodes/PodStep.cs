using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Nodes;

/// <summary>What one kubelet sync produced: the pod status to write, events to record, and when to sync again.</summary>
internal sealed record PodStep(JsonObject Status, IReadOnlyList<PodEvent> Events, TimeSpan? NextTransition);

/// <summary>An event the kubelet emits about a pod (or one of its containers, by field path).</summary>
internal sealed record PodEvent(string Type, string Reason, string Message, string? FieldPath);
