using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Patching;

namespace KubeMcp.Tests.Cluster.Patching;

public sealed class JsonPatchTests
{
    private static readonly JsonNode Deployment = JsonNode.Parse("""
        {"metadata":{"name":"web","labels":{"app":"web"}},
         "spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}}}}
        """)!;

    private static JsonNode Apply(string ops) => JsonPatch.Apply(Deployment, JsonNode.Parse(ops));

    private static ApiException Fails(string ops) => Assert.Throws<ApiException>(() => Apply(ops));

    [Fact]
    public void Apply_RunsEveryOperationInOrder()
    {
        var result = Apply("""
            [{"op":"replace","path":"/spec/replicas","value":3},
             {"op":"add","path":"/metadata/labels/tier","value":"front"},
             {"op":"remove","path":"/metadata/labels/app"},
             {"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"c"}},
             {"op":"copy","from":"/spec/replicas","path":"/spec/minReadySeconds"},
             {"op":"move","from":"/metadata/labels/tier","path":"/metadata/labels/role"},
             {"op":"test","path":"/spec/replicas","value":3}]
            """);

        Assert.Equal(3, (int)result["spec"]!["replicas"]!);
        Assert.Equal(3, (int)result["spec"]!["minReadySeconds"]!);
        Assert.Equal("""{"role":"front"}""", result["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal("c", (string)result["spec"]!["template"]!["spec"]!["containers"]![2]!["name"]!);
    }

    [Fact]
    public void Apply_DoesNotChangeTheInput()
    {
        Apply("""[{"op":"replace","path":"/spec/replicas","value":3}]""");

        Assert.Equal(1, (int)Deployment["spec"]!["replicas"]!);
    }

    [Fact]
    public void Apply_InsertsAtAnIndexAndCountsNegativeIndicesFromTheEnd()
    {
        var result = Apply("""
            [{"op":"add","path":"/spec/template/spec/containers/0","value":{"name":"first"}},
             {"op":"remove","path":"/spec/template/spec/containers/-1"}]
            """);

        var names = result["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string)c!["name"]!);
        Assert.Equal(["first", "a"], names);
    }

    [Fact]
    public void Apply_UnescapesPointerTokens()
    {
        var doc = JsonNode.Parse("""{"metadata":{"annotations":{"example.com/a~b":"x"}}}""")!;

        var result = JsonPatch.Apply(doc, JsonNode.Parse("""[{"op":"replace","path":"/metadata/annotations/example.com~1a~0b","value":"y"}]"""));

        Assert.Equal("y", (string)result["metadata"]!["annotations"]!["example.com/a~b"]!);
    }

    [Fact]
    public void Apply_ReplaceOfMissingMemberAddsIt_AsTheServerLibraryDoes()
    {
        var result = Apply("""[{"op":"replace","path":"/spec/paused","value":true}]""");

        Assert.True((bool)result["spec"]!["paused"]!);
    }

    [Fact]
    public void Apply_TestOfMissingMemberMatchesOnlyNull()
    {
        Apply("""[{"op":"test","path":"/spec/paused","value":null}]""");
        var error = Fails("""[{"op":"test","path":"/spec/paused","value":false}]""");

        Assert.Equal("testing value /spec/paused failed: test failed", error.Message);
    }

    [Fact]
    public void Apply_FailedTest_Is422WithTheLibraryText()
    {
        var error = Fails("""[{"op":"test","path":"/spec/replicas","value":2}]""");

        Assert.Equal(422, error.Code);
        Assert.Equal("Invalid", error.Reason);
        Assert.Equal("testing value /spec/replicas failed: test failed", error.Message);
    }

    [Theory]
    [InlineData("""[{"op":"add","path":"/spec/foo/bar","value":1}]""", "add operation does not apply: doc is missing path: \"/spec/foo/bar\": missing value")]
    [InlineData("""[{"op":"remove","path":"/spec/foo"}]""", "error in remove for path: '/spec/foo': Unable to remove nonexistent key: foo: missing value")]
    [InlineData("""[{"op":"remove","path":"/nope/foo"}]""", "remove operation does not apply: doc is missing path: \"/nope/foo\": missing value")]
    [InlineData("""[{"op":"replace","path":"/spec/template/spec/containers/9","value":{}}]""", "replace operation does not apply: doc is missing key: /spec/template/spec/containers/9: missing value")]
    [InlineData("""[{"op":"add","path":"/spec/template/spec/containers/9","value":{}}]""", "error in add for path: '/spec/template/spec/containers/9': Unable to access invalid index: 9: invalid index referenced")]
    [InlineData("""[{"op":"add","path":"/spec/template/spec/containers/x","value":{}}]""", "error in add for path: '/spec/template/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("""[{"op":"move","from":"/spec/nope","path":"/spec/x"}]""", "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value")]
    [InlineData("""[{"op":"copy","from":"/nope/x","path":"/spec/x"}]""", "copy operation does not apply: doc is missing from path: /nope/x: missing value")]
    [InlineData("""[{"op":"frobnicate","path":"/spec"}]""", "Unexpected kind: frobnicate")]
    [InlineData("""[{"path":"/spec"}]""", "Unexpected kind: unknown")]
    [InlineData("""[{"op":"add","value":1}]""", "add operation failed to decode path: missing value")]
    [InlineData("""[{"op":"replace","path":5,"value":1}]""", "replace operation failed to decode path: json: cannot unmarshal number into Go value of type string")]
    [InlineData("""[{"op":"move","path":"/spec/x"}]""", "move operation failed to decode from: operation, missing from field: missing value")]
    [InlineData("""[{"op":"add","path":"spec","value":1}]""", "add operation does not apply: doc is missing path: \"spec\": missing value")]
    [InlineData("""[{"op":"add","path":"/spec/replicas/x","value":1}]""", "add operation does not apply: doc is missing path: \"/spec/replicas/x\": missing value")]
    public void Apply_OperationThatDoesNotApply_Is422WithTheLibraryText(string ops, string message)
    {
        var error = Fails(ops);

        Assert.Equal(422, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("""{"op":"add","path":"/x","value":1}""", "json: cannot unmarshal object into Go value of type jsonpatch.Patch")]
    [InlineData("\"add\"", "json: cannot unmarshal string into Go value of type jsonpatch.Patch")]
    [InlineData("[\"add\"]", "json: cannot unmarshal string into Go value of type jsonpatch.Operation")]
    [InlineData("[[1]]", "json: cannot unmarshal array into Go value of type jsonpatch.Operation")]
    public void Apply_BodyThatIsNotAListOfOperations_IsBadRequest(string body, string message)
    {
        var error = Fails(body);

        Assert.Equal(400, error.Code);
        Assert.Equal("BadRequest", error.Reason);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Apply_TooManyOperations_IsRequestEntityTooLarge()
    {
        var ops = new JsonArray(Enumerable.Range(0, JsonPatch.MaxOperations + 1)
            .Select(_ => (JsonNode)new JsonObject { ["op"] = "test", ["path"] = "/spec/replicas", ["value"] = 1 }).ToArray());

        var error = Assert.Throws<ApiException>(() => JsonPatch.Apply(Deployment, ops));

        Assert.Equal(413, error.Code);
        Assert.Equal("Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001", error.Message);
    }

    [Fact]
    public void Apply_NullBodyIsAnEmptyPatch()
    {
        var result = JsonPatch.Apply(Deployment, null);

        Assert.True(JsonNode.DeepEquals(Deployment, result));
    }

    [Fact]
    public void Apply_ReplaceOfTheRootSwapsTheDocument()
    {
        var result = Apply("""[{"op":"replace","path":"","value":{"kind":"Other"}}]""");

        Assert.Equal("""{"kind":"Other"}""", result.ToJsonString());
    }
}
