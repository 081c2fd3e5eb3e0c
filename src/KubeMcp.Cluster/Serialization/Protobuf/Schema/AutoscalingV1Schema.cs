namespace KubeMcp.Cluster.Serialization.Protobuf.Schema;

/// <summary>The autoscaling/v1 messages as protobuf encodes them (field numbers of k8s.io/api autoscaling/v1, Kubernetes 1.32).</summary>
internal static class AutoscalingV1Schema
{
    public static void Register(ProtoSchemaBuilder schema) => schema.Package("autoscaling.v1", "autoscaling/v1", """
        CrossVersionObjectReference: 1 kind string!, 2 name string!, 3 apiVersion string
        HorizontalPodAutoscaler: 1 metadata meta.v1.ObjectMeta, 2 spec HorizontalPodAutoscalerSpec,
            3 status HorizontalPodAutoscalerStatus
        HorizontalPodAutoscalerSpec: 1 scaleTargetRef CrossVersionObjectReference, 2 minReplicas int32!,
            3 maxReplicas int32!, 4 targetCPUUtilizationPercentage int32!
        HorizontalPodAutoscalerStatus: 1 observedGeneration int64!, 2 lastScaleTime Time, 3 currentReplicas int32!,
            4 desiredReplicas int32!, 5 currentCPUUtilizationPercentage int32!
        Scale: 1 metadata meta.v1.ObjectMeta, 2 spec ScaleSpec, 3 status ScaleStatus
        ScaleSpec: 1 replicas int32
        ScaleStatus: 1 replicas int32!, 2 selector string
        """);
}
