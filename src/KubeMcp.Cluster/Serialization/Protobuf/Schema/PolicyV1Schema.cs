namespace KubeMcp.Cluster.Serialization.Protobuf.Schema;

/// <summary>The policy/v1 messages as protobuf encodes them (field numbers of k8s.io/api policy/v1, Kubernetes 1.32).</summary>
internal static class PolicyV1Schema
{
    public static void Register(ProtoSchemaBuilder schema) => schema.Package("policy.v1", "policy/v1", """
        Eviction: 1 metadata meta.v1.ObjectMeta, 2 deleteOptions meta.v1.DeleteOptions
        PodDisruptionBudget: 1 metadata meta.v1.ObjectMeta, 2 spec PodDisruptionBudgetSpec,
            3 status PodDisruptionBudgetStatus
        PodDisruptionBudgetSpec: 1 minAvailable IntOrString, 2 selector meta.v1.LabelSelector,
            3 maxUnavailable IntOrString, 4 unhealthyPodEvictionPolicy string!
        PodDisruptionBudgetStatus: 1 observedGeneration int64, 2 disruptedPods {}Time, 3 disruptionsAllowed int32!,
            4 currentHealthy int32!, 5 desiredHealthy int32!, 6 expectedPods int32!, 7 conditions []meta.v1.Condition
        """);
}
