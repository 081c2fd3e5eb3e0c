using KubeMcp.Cluster.Serialization.Protobuf;

namespace KubeMcp.Tests.Cluster.Serialization.Protobuf;

public sealed class ProtoSchemaTests
{
    [Theory]
    [InlineData("v1", "Namespace")]
    [InlineData("v1", "ConfigMap")]
    [InlineData("v1", "Secret")]
    [InlineData("v1", "Service")]
    [InlineData("v1", "ServiceAccount")]
    [InlineData("v1", "ResourceQuota")]
    [InlineData("v1", "Pod")]
    [InlineData("apps/v1", "Deployment")]
    [InlineData("batch/v1", "Job")]
    [InlineData("batch/v1", "CronJob")]
    [InlineData("rbac.authorization.k8s.io/v1", "Role")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole")]
    [InlineData("rbac.authorization.k8s.io/v1", "RoleBinding")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")]
    [InlineData("policy/v1", "PodDisruptionBudget")]
    [InlineData("policy/v1", "Eviction")]
    [InlineData("scheduling.k8s.io/v1", "PriorityClass")]
    [InlineData("networking.k8s.io/v1", "Ingress")]
    [InlineData("autoscaling/v1", "HorizontalPodAutoscaler")]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler")]
    [InlineData("authentication.k8s.io/v1", "TokenRequest")]
    [InlineData("authorization.k8s.io/v1", "SelfSubjectAccessReview")]
    [InlineData("meta.k8s.io/v1", "DeleteOptions")]
    [InlineData("v1", "DeleteOptions")]
    public void Default_KnowsWhatKubectlSends(string apiVersion, string kind)
    {
        var message = ProtoSchema.Default.FindKind(apiVersion, kind);

        Assert.NotNull(message);
        Assert.EndsWith("." + kind, message.Name);
    }

    [Fact]
    public void Default_DistinguishesVersionsOfTheSameKind()
    {
        var v1 = ProtoSchema.Default.FindKind("autoscaling/v1", "HorizontalPodAutoscaler")!;
        var v2 = ProtoSchema.Default.FindKind("autoscaling/v2", "HorizontalPodAutoscaler")!;

        Assert.Equal("autoscaling.v1.HorizontalPodAutoscaler", v1.Name);
        Assert.Equal("autoscaling.v2.HorizontalPodAutoscaler", v2.Name);
    }

    [Fact]
    public void Default_DoesNotKnowCustomKinds()
    {
        Assert.Null(ProtoSchema.Default.FindKind("example.com/v1", "Widget"));
        Assert.Null(ProtoSchema.Default.FindKind("v1", "Widget"));
    }

    [Fact]
    public void Default_UsesJsonNamesWhereProtoNamesDiffer()
    {
        var reference = ProtoSchema.Default.Message("authentication.v1.BoundObjectReference");
        Assert.Equal("uid", reference.Fields[4].JsonName);
    }

    [Fact]
    public void Default_EveryMessageHasUniqueJsonNames()
    {
        foreach (var message in ProtoSchema.Default.Messages)
        {
            var names = message.Fields.Values.Where(f => !f.IsInline).Select(f => f.JsonName).ToList();
            Assert.True(names.Count == names.Distinct().Count(), $"{message.Name} repeats a JSON name");
        }
    }

    [Fact]
    public void Build_RejectsAReferenceToAnUnknownMessage()
    {
        var builder = new ProtoSchemaBuilder().Package("x.v1", "x/v1", "Thing: 1 spec ThingSpec");
        var error = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("unknown message x.v1.ThingSpec", error.Message);
    }

    [Theory]
    [InlineData("Thing 1 name string", "no 'Name:' prefix")]
    [InlineData("Thing: 1 name", "is not 'number name type'")]
    [InlineData("Thing: x name string", "is not 'number name type'")]
    [InlineData("Thing: 1 a string, 1 b string", "defines field 1 twice")]
    [InlineData("Thing: 1 a string,", "ends with a comma")]
    [InlineData("Thing: 1 (inline) string", "only a single message field can be inline")]
    [InlineData("list Thing: 1 values []string", "must have one repeated field named items")]
    public void Build_RejectsMalformedTables(string table, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ProtoSchemaBuilder().Package("x.v1", "x/v1", table).Build());
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Package_ParsesContinuationLinesAndModifiers()
    {
        var schema = new ProtoSchemaBuilder().Package("x.v1", "x/v1", """
            Thing: 1 name string!, 2 tags []string,
                3 labels {}string, 4 (inline) Common
            Common: 1 size Quantity
            """).Build();

        var thing = schema.FindKind("x/v1", "Thing")!;

        Assert.Equal(new ProtoField(1, "name", ProtoKind.String, null, ProtoCardinality.Single, true), thing.Fields[1]);
        Assert.Equal(ProtoCardinality.Repeated, thing.Fields[2].Cardinality);
        Assert.Equal(ProtoCardinality.Map, thing.Fields[3].Cardinality);
        Assert.True(thing.Fields[4].IsInline);
        Assert.Equal("x.v1.Common", thing.Fields[4].MessageName);
    }
}
