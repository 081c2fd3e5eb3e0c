using System.Text.Json.Nodes;
using KubeMcp.Cluster.Patching;

namespace KubeMcp.Tests.Cluster.Patching;

public sealed class FieldSetTests
{
    [Fact]
    public void FieldsV1_RoundTripsMembersChildrenAndSelf()
    {
        const string fields = """{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:ports":{"k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:port":{}}}}}""";

        var set = FieldSet.FromFieldsV1(JsonNode.Parse(fields));

        Assert.Equal(fields, JsonValues.Compact(set.ToFieldsV1()));
        Assert.True(set.Has([PathElement.Field("metadata"), PathElement.Field("labels")]));
        Assert.False(set.Has([PathElement.Field("metadata")]));
    }

    [Fact]
    public void ToFieldsV1_OrdersKeysByValueNotByText()
    {
        var set = new FieldSet();
        foreach (var port in new[] { 8080, 443, 80 })
        {
            set.Insert([PathElement.Field("ports"), PathElement.Key([KeyValuePair.Create("port", (JsonNode?)port)])]);
        }

        var keys = set.ToFieldsV1()["f:ports"]!.AsObject().Select(p => p.Key);

        Assert.Equal(["k:{\"port\":80}", "k:{\"port\":443}", "k:{\"port\":8080}"], keys);
    }

    [Fact]
    public void PathFormat_MatchesConflictMessages()
    {
        IReadOnlyList<PathElement> path =
        [
            PathElement.Field("spec"), PathElement.Field("containers"),
            PathElement.Key([KeyValuePair.Create("name", (JsonNode?)"web")]), PathElement.Field("image"),
        ];

        Assert.Equal(".spec.containers[name=\"web\"].image", PathElement.Format(path));
        Assert.Equal("[=\"x\"]", PathElement.OfValue("x").ToString());
        Assert.Equal("[3]", PathElement.OfIndex(3).ToString());
    }

    [Fact]
    public void Difference_IsPathByPath_AndRecursiveDifferenceDropsSubtrees()
    {
        var set = FieldSet.FromFieldsV1(JsonNode.Parse("""{"f:spec":{"f:replicas":{}},"f:status":{"f:x":{}}}"""));
        var status = new FieldSet();
        status.Insert([PathElement.Field("status")]);

        Assert.Equal("""{"f:spec":{"f:replicas":{}},"f:status":{"f:x":{}}}""", JsonValues.Compact(set.Difference(status).ToFieldsV1()));
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", JsonValues.Compact(set.RecursiveDifference(status).ToFieldsV1()));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"f:spec":1}""")]
    [InlineData("""{"x:spec":{}}""")]
    [InlineData("""{"k:[1]":{}}""")]
    [InlineData("""{"k:{bad":{}}""")]
    [InlineData("""{"i:one":{}}""")]
    public void FromFieldsV1_RejectsMalformedInput(string fields)
    {
        Assert.Throws<FormatException>(() => FieldSet.FromFieldsV1(JsonNode.Parse(fields)));
    }
}
