using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Patching;

namespace KubeMcp.Tests.Cluster.Patching;

public sealed class MergePatchTests
{
    // The examples of RFC 7386, appendix A.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Apply_FollowsRfc7386(string target, string patch, string expected)
    {
        var result = MergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.Equal(expected, result?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Apply_ScalesADeploymentLikeKubectlScale()
    {
        var deployment = JsonNode.Parse("""{"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}}}}""")!.AsObject();

        var result = MergePatch.ApplyToObject(deployment, JsonNode.Parse("""{"spec":{"replicas":5}}"""));

        Assert.Equal("""{"spec":{"replicas":5,"selector":{"matchLabels":{"app":"web"}}}}""", result.ToJsonString());
        Assert.Equal(1, (int)deployment["spec"]!["replicas"]!);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("5")]
    [InlineData("[1]")]
    public void ApplyToObject_BodyThatIsNotAnObject_IsBadRequest(string patch)
    {
        var error = Assert.Throws<ApiException>(() => MergePatch.ApplyToObject([], JsonNode.Parse(patch)));

        Assert.Equal(400, error.Code);
        Assert.Equal("Invalid JSON Patch", error.Message);
    }
}
