namespace KubeMcp.Cluster.Controllers.Autoscaling;

/// <summary>The replica count an HPA settles on after stabilization and limits, with the conditions that explain it.</summary>
internal sealed record ScaleDecision(int Replicas, string AbleReason, string AbleMessage, string LimitedStatus, string LimitedReason, string LimitedMessage);
