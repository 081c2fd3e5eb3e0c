namespace KubeMcp.Cluster.Serialization.Protobuf.Schema;

/// <summary>The authentication.k8s.io/v1 messages as protobuf encodes them (field numbers of k8s.io/api authentication/v1, Kubernetes 1.32).</summary>
internal static class AuthenticationV1Schema
{
    public static void Register(ProtoSchemaBuilder schema) => schema.Package("authentication.v1", "authentication.k8s.io/v1", """
        BoundObjectReference: 1 kind string, 2 apiVersion string, 3 name string, 4 uid string
        list ExtraValue: 1 items []string
        SelfSubjectReview: 1 metadata meta.v1.ObjectMeta, 2 status SelfSubjectReviewStatus
        SelfSubjectReviewStatus: 1 userInfo UserInfo
        TokenRequest: 1 metadata meta.v1.ObjectMeta, 2 spec TokenRequestSpec, 3 status TokenRequestStatus
        TokenRequestSpec: 1 audiences []string, 4 expirationSeconds int64!, 3 boundObjectRef BoundObjectReference
        TokenRequestStatus: 1 token string!, 2 expirationTimestamp Time
        UserInfo: 1 username string, 2 uid string, 3 groups []string, 4 extra {}ExtraValue
        """);
}
