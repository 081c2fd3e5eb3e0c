namespace KubeMcp.Cluster.Serialization.Protobuf.Schema;

/// <summary>The scheduling.k8s.io/v1 messages as protobuf encodes them (field numbers of k8s.io/api scheduling/v1, Kubernetes 1.32).</summary>
internal static class SchedulingV1Schema
{
    public static void Register(ProtoSchemaBuilder schema) => schema.Package("scheduling.v1", "scheduling.k8s.io/v1", """
        PriorityClass: 1 metadata meta.v1.ObjectMeta, 2 value int32!, 3 globalDefault bool, 4 description string,
            5 preemptionPolicy string!
        """);
}
