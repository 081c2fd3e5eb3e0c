namespace KubeMcp.Cluster.Serialization.Protobuf.Schema;

/// <summary>The networking.k8s.io/v1 messages as protobuf encodes them (field numbers of k8s.io/api networking/v1, Kubernetes 1.32).</summary>
internal static class NetworkingV1Schema
{
    public static void Register(ProtoSchemaBuilder schema) => schema.Package("networking.v1", "networking.k8s.io/v1", """
        HTTPIngressPath: 1 path string, 3 pathType string!, 2 backend IngressBackend
        HTTPIngressRuleValue: 1 paths []HTTPIngressPath
        Ingress: 1 metadata meta.v1.ObjectMeta, 2 spec IngressSpec, 3 status IngressStatus
        IngressBackend: 4 service IngressServiceBackend, 3 resource core.v1.TypedLocalObjectReference
        IngressLoadBalancerIngress: 1 ip string, 2 hostname string, 4 ports []IngressPortStatus
        IngressLoadBalancerStatus: 1 ingress []IngressLoadBalancerIngress
        IngressPortStatus: 1 port int32!, 2 protocol string!, 3 error string!
        IngressRule: 1 host string, 2 (inline) IngressRuleValue
        IngressRuleValue: 1 http HTTPIngressRuleValue
        IngressServiceBackend: 1 name string!, 2 port ServiceBackendPort
        IngressSpec: 4 ingressClassName string!, 1 defaultBackend IngressBackend, 2 tls []IngressTLS,
            3 rules []IngressRule
        IngressStatus: 1 loadBalancer IngressLoadBalancerStatus
        IngressTLS: 1 hosts []string, 2 secretName string
        ServiceBackendPort: 1 name string, 2 number int32
        """);
}
