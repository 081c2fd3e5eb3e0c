using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Patching;

namespace KubeMcp.Tests.Cluster.Patching;

public sealed class StrategicMergePatchTests
{
    private static JsonObject Deployment() => JsonNode.Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","labels":{"app":"web","tier":"front"},"finalizers":["a","b"]},
         "spec":{"replicas":2,
           "selector":{"matchLabels":{"app":"web"}},
           "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}},
           "template":{"metadata":{"labels":{"app":"web"}},"spec":{
             "tolerations":[{"key":"k1","operator":"Exists"}],
             "containers":[
               {"name":"web","image":"nginx:1.25","args":["-a"],"env":[{"name":"A","value":"1"}],
                "ports":[{"containerPort":80,"protocol":"TCP"}]},
               {"name":"sidecar","image":"envoy:1.0"}]}}}}
        """)!.AsObject();

    private static JsonObject Patch(JsonObject original, string patch) =>
        StrategicMergePatch.Apply(original, JsonNode.Parse(patch), "apps/v1", "Deployment");

    private static JsonArray Containers(JsonObject deployment) =>
        deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray();

    private static string[] Names(JsonArray list, string key = "name") => list.Select(i => (string)i![key]!).ToArray();

    [Fact]
    public void Apply_ChangesOneContainerByNameAndKeepsTheOther()
    {
        var result = Patch(Deployment(), """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"envoy:1.1"}]}}}}""");

        var containers = Containers(result);
        Assert.Equal(["web", "sidecar"], Names(containers));
        Assert.Equal("envoy:1.1", (string)containers[1]!["image"]!);
        Assert.Equal("nginx:1.25", (string)containers[0]!["image"]!);
        Assert.Equal("-a", (string)containers[0]!["args"]![0]!);
    }

    [Fact]
    public void Apply_AddsAnEnvVarByNameAfterTheExistingOnes()
    {
        var result = Patch(Deployment(), """{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"2"}]}]}}}}""");

        Assert.Equal(["A", "B"], Names(Containers(result)[0]!["env"]!.AsArray()));
    }

    [Fact]
    public void Apply_DeletesAContainerWithPatchDelete()
    {
        var result = Patch(Deployment(), """{"spec":{"template":{"spec":{"containers":[{"name":"web","$patch":"delete"}]}}}}""");

        Assert.Equal(["sidecar"], Names(Containers(result)));
    }

    [Fact]
    public void Apply_ReplacesAListWithPatchReplace()
    {
        var result = Patch(Deployment(), """
            {"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"busybox"}]}}}}
            """);

        Assert.Equal("""[{"name":"only","image":"busybox"}]""", Containers(result).ToJsonString());
    }

    [Fact]
    public void Apply_ReplacesListsWithoutAMergeKey()
    {
        var result = Patch(Deployment(), """
            {"spec":{"template":{"spec":{"tolerations":[{"key":"k2","operator":"Exists"}],"containers":[{"name":"web","args":["-b"]}]}}}}
            """);

        Assert.Equal("""[{"key":"k2","operator":"Exists"}]""", result["spec"]!["template"]!["spec"]!["tolerations"]!.ToJsonString());
        Assert.Equal("""["-b"]""", Containers(result)[0]!["args"]!.ToJsonString());
    }

    [Fact]
    public void Apply_TakesAKubectlClientSideApplyPatch()
    {
        // The shape of the three-way patch kubectl apply sends after the config dropped the sidecar, changed the
        // strategy and an image, and removed an env var.
        var result = Patch(Deployment(), """
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}\n"}},
             "spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"},
               "template":{"spec":{
                 "$setElementOrder/containers":[{"name":"web"}],
                 "containers":[{"$setElementOrder/env":[],"env":[{"$patch":"delete","name":"A"}],"image":"nginx:1.27","name":"web"},
                               {"$patch":"delete","name":"sidecar"}]}}}}
            """);

        Assert.Equal("""{"type":"Recreate"}""", result["spec"]!["strategy"]!.ToJsonString());
        var container = Assert.Single(Containers(result))!;
        Assert.Equal("nginx:1.27", (string)container["image"]!);
        Assert.Equal("[]", container["env"]!.ToJsonString());
        Assert.Equal("{}\n", (string)result["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!);
    }

    [Fact]
    public void Apply_NullDeletesAKey()
    {
        var result = Patch(Deployment(), """{"metadata":{"labels":{"tier":null,"new":"x"}},"spec":{"paused":null}}""");

        Assert.Equal("""{"app":"web","new":"x"}""", result["metadata"]!["labels"]!.ToJsonString());
    }

    [Fact]
    public void Apply_DoesNotChangeTheInput()
    {
        var original = Deployment();
        var before = original.ToJsonString();

        Patch(original, """{"spec":{"replicas":5,"template":{"spec":{"containers":[{"name":"web","$patch":"delete"}]}}}}""");

        Assert.Equal(before, original.ToJsonString());
    }

    [Fact]
    public void Apply_MergesFinalizersAsASetWithNewItemsFirst()
    {
        var result = Patch(Deployment(), """{"metadata":{"finalizers":["c","a"]}}""");

        Assert.Equal("""["c","a","b"]""", result["metadata"]!["finalizers"]!.ToJsonString());
    }

    [Fact]
    public void Apply_DeleteFromPrimitiveListRemovesThoseValues()
    {
        var result = Patch(Deployment(), """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a","zzz"]}}""");

        Assert.Equal("""["b"]""", result["metadata"]!["finalizers"]!.ToJsonString());
    }

    [Fact]
    public void Apply_SetElementOrderOrdersTheMergedList()
    {
        var result = Patch(Deployment(), """
            {"spec":{"template":{"spec":{
              "$setElementOrder/containers":[{"name":"sidecar"},{"name":"new"},{"name":"web"}],
              "containers":[{"name":"new","image":"x"}]}}}}
            """);

        Assert.Equal(["sidecar", "new", "web"], Names(Containers(result)));
        Assert.DoesNotContain("$setElementOrder", result.ToJsonString());
    }

    [Fact]
    public void Apply_SetElementOrderKeepsServerOnlyItemsInPlace()
    {
        // The "add map and delete map from merging list" case of apimachinery's tests.
        var original = Deployment();
        Containers(original).Clear();
        foreach (var (name, other) in new[] { ("1", ""), ("2", "b"), ("4", "c") })
        {
            Containers(original).Add(new JsonObject { ["name"] = name, ["image"] = other });
        }

        var result = Patch(original, """
            {"spec":{"template":{"spec":{
              "$setElementOrder/containers":[{"name":"2"},{"name":"3"}],
              "containers":[{"name":"3"},{"name":"1","$patch":"delete"}]}}}}
            """);

        Assert.Equal(["2", "4", "3"], Names(Containers(result)));
    }

    [Fact]
    public void Apply_SetElementOrderOfScalars()
    {
        var original = Deployment();
        original["metadata"]!["finalizers"] = new JsonArray("1", "2", "4");

        var result = Patch(original, """{"metadata":{"$setElementOrder/finalizers":["1","2","3"],"finalizers":["3"]}}""");

        Assert.Equal("""["1","2","3","4"]""", result["metadata"]!["finalizers"]!.ToJsonString());
    }

    // Ordering cases of apimachinery's strategic merge tests, with containers standing in for their merging list.
    [Theory]
    [InlineData("""[{"name":"1","workingDir":"a"},{"name":"2","image":"2","workingDir":"b"}]""",
        """{"$setElementOrder/containers":[{"name":"3"},{"name":"1"},{"name":"2"}],"containers":[{"name":"3","image":"3"}]}""",
        new[] { "3", "1", "2" })]
    [InlineData("""[{"name":"1","workingDir":"a"},{"name":"2","image":"2","workingDir":"b"}]""",
        """{"$setElementOrder/containers":[{"name":"1"},{"name":"4"},{"name":"2"},{"name":"3"}],"containers":[{"name":"4","image":"4"},{"name":"3","image":"3"}]}""",
        new[] { "1", "4", "2", "3" })]
    [InlineData("""[{"name":"1"},{"name":"2"},{"name":"3"}]""",
        """{"containers":[{"name":"3","image":"x"},{"name":"1","image":"y"}]}""",
        new[] { "2", "3", "1" })]
    [InlineData("""[{"name":"1"},{"name":"2"}]""",
        """{"containers":[{"name":"0"}]}""",
        new[] { "1", "2", "0" })]
    public void Apply_OrdersMergedListsLikeTheServer(string current, string podSpecPatch, string[] expected)
    {
        var original = Deployment();
        original["spec"]!["template"]!["spec"]!["containers"] = JsonNode.Parse(current);

        var result = Patch(original, """{"spec":{"template":{"spec":PATCH}}}""".Replace("PATCH", podSpecPatch));

        Assert.Equal(expected, Names(Containers(result)));
    }

    [Theory]
    [InlineData("""["1","4","2"]""", """{"$setElementOrder/finalizers":["3","1","2"],"finalizers":["3"]}""", """["3","1","4","2"]""")]
    [InlineData("""["1","2","3"]""", """{"$setElementOrder/finalizers":["2","1"],"$deleteFromPrimitiveList/finalizers":["3"]}""", """["2","1"]""")]
    [InlineData("""["1","2"]""", """{"finalizers":["2","3"]}""", """["1","2","3"]""")]
    public void Apply_OrdersMergedScalarsLikeTheServer(string current, string metadataPatch, string expected)
    {
        var original = Deployment();
        original["metadata"]!["finalizers"] = JsonNode.Parse(current);

        var result = Patch(original, """{"metadata":PATCH}""".Replace("PATCH", metadataPatch));

        Assert.Equal(expected, result["metadata"]!["finalizers"]!.ToJsonString());
    }

    [Fact]
    public void Apply_RetainKeysClearsWhatTheListDoesNotName()
    {
        var result = Patch(Deployment(), """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""");

        Assert.Equal("""{"type":"Recreate"}""", result["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public void Apply_PatchReplaceOnAMapReplacesIt()
    {
        var result = Patch(Deployment(), """{"metadata":{"labels":{"$patch":"replace","only":"x","gone":null}}}""");

        Assert.Equal("""{"only":"x"}""", result["metadata"]!["labels"]!.ToJsonString());
    }

    [Fact]
    public void Apply_PatchDeleteOnAMapEmptiesIt()
    {
        var result = Patch(Deployment(), """{"spec":{"strategy":{"$patch":"delete"}}}""");

        Assert.Equal("{}", result["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public void Apply_MergesServicePortsByPort()
    {
        var service = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},
             "spec":{"selector":{"app":"a","tier":"t"},"ports":[{"name":"http","port":80,"targetPort":8080},{"name":"https","port":443}]}}
            """)!.AsObject();

        var result = StrategicMergePatch.Apply(service,
            JsonNode.Parse("""{"spec":{"selector":{"app":"b"},"ports":[{"port":443,"targetPort":8443}]}}"""), "v1", "Service");

        Assert.Equal(8443, (int)result["spec"]!["ports"]![1]!["targetPort"]!);
        Assert.Equal(8080, (int)result["spec"]!["ports"]![0]!["targetPort"]!);
        // A selector is a plain map for strategic merge (it is only atomic for apply).
        Assert.Equal("""{"app":"b","tier":"t"}""", result["spec"]!["selector"]!.ToJsonString());
    }

    [Fact]
    public void Apply_ReplacesAPodDisruptionBudgetSelector()
    {
        var pdb = JsonNode.Parse("""
            {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"p"},
             "spec":{"selector":{"matchLabels":{"app":"a"},"matchExpressions":[{"key":"k","operator":"Exists"}]}}}
            """)!.AsObject();

        var result = StrategicMergePatch.Apply(pdb,
            JsonNode.Parse("""{"spec":{"selector":{"matchLabels":{"app":"b"}}}}"""), "policy/v1", "PodDisruptionBudget");

        Assert.Equal("""{"matchLabels":{"app":"b"}}""", result["spec"]!["selector"]!.ToJsonString());
    }

    [Fact]
    public void Apply_MergesPodContainerPortsByContainerPort()
    {
        var pod = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"name":"http"}]}]}}
            """)!.AsObject();

        var result = StrategicMergePatch.Apply(pod,
            JsonNode.Parse("""{"spec":{"containers":[{"name":"c","ports":[{"containerPort":9090,"name":"metrics"}]}]}}"""), "v1", "Pod");

        Assert.Equal([80, 9090], result["spec"]!["containers"]![0]!["ports"]!.AsArray().Select(p => (int)p!["containerPort"]!));
    }

    [Fact]
    public void IsSupported_OnlyForBuiltInKinds()
    {
        Assert.True(StrategicMergePatch.IsSupported("apps/v1", "Deployment"));
        Assert.True(StrategicMergePatch.IsSupported("v1", "ConfigMap"));
        Assert.False(StrategicMergePatch.IsSupported("example.com/v1", "Widget"));
        Assert.False(StrategicMergePatch.IsSupported("apps/v1beta1", "Deployment"));
    }

    [Fact]
    public void Apply_CustomResource_IsUnsupportedMediaType()
    {
        var error = Assert.Throws<ApiException>(() =>
            StrategicMergePatch.Apply([], JsonNode.Parse("{}"), "example.com/v1", "Widget"));

        Assert.Equal(415, error.Code);
        Assert.Equal("UnsupportedMediaType", error.Reason);
        Assert.StartsWith("the body of the request was in an unknown format - accepted media types include:", error.Message);
    }

    [Theory]
    [InlineData("[1]", 400, "json: cannot unmarshal array into Go value of type map[string]interface {}")]
    [InlineData("\"x\"", 400, "json: cannot unmarshal string into Go value of type map[string]interface {}")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"image":"nginx"}]}}}}""", 500, "map: map[image:nginx] does not contain declared merge key: name")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"image":"nginx","$patch":"delete"}]}}}}""", 500, "map: map[$patch:delete image:nginx] does not contain declared merge key: name")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"$patch":"merge"}]}}}}""", 500, "merging lists cannot yet be specified in the patch")]
    [InlineData("""{"spec":{"strategy":{"$patch":"explode"}}}""", 500, "unknown patch type: explode in map: map[$patch:explode]")]
    [InlineData("""{"spec":{"strategy":{"$retainKeys":"type"}}}""", 400, "invalid patch format of retainKeys")]
    [InlineData("""{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}}""", 400, "invalid patch format of retainKeys")]
    [InlineData("""{"metadata":{"$deleteFromPrimitiveListfinalizers":["a"]}}""", 400, "invalid patch format of primitive list")]
    [InlineData("""{"metadata":{"$setElementOrderfinalizers":["a"]}}""", 400, "invalid patch format of setElementOrder list")]
    [InlineData("""{"metadata":{"$setElementOrder/finalizers":"a"}}""", 500, "expected a []interface {}, but received a string")]
    [InlineData("""{"metadata":{"finalizers":[["a"]]}}""", 500, "list element types are not identical: [[a b] [[a]]]")]
    [InlineData("""{"metadata":{"finalizers":[1]}}""", 500, "list element types are not identical: [[a b] [1]]")]
    public void Apply_MalformedPatch_FailsLikeTheServer(string patch, int code, string message)
    {
        var error = Assert.Throws<ApiException>(() => Patch(Deployment(), patch));

        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Apply_ListOfLists_IsUnprocessable()
    {
        var original = Deployment();
        original["metadata"]!["finalizers"] = new JsonArray();

        var error = Assert.Throws<ApiException>(() => Patch(original, """{"metadata":{"finalizers":[["a"]]}}"""));

        Assert.Equal(422, error.Code);
        Assert.Equal("lists of lists are not supported", error.Message);
    }

    [Fact]
    public void Apply_DirectivesNeverReachTheResult()
    {
        var result = Patch(Deployment(), """
            {"spec":{"template":{"spec":{"containers":[{"name":"new","env":[{"name":"X","$patch":"delete"}],"$retainKeys":["name"]}]}}}}
            """);

        Assert.DoesNotContain("$", result.ToJsonString());
        Assert.Equal(["web", "sidecar", "new"], Names(Containers(result)));
    }
}
