using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.OpenApi;

namespace KubeMcp.Tests.Cluster.OpenApi;

public sealed class OpenApiDocumentsTests
{
    private static readonly OpenApiDocuments Builtin = new(BuiltinResources.Create());

    internal static ResourceType CronTabs(string schemaJson = """
        {"type":"object","properties":{"spec":{"type":"object","properties":{
          "cronSpec":{"type":"string"},"replicas":{"type":"integer","nullable":true},
          "not":{"type":"string"},"port":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}}}}}
        """) =>
        new("stable.example.com", "v1", "CronTab", "crontabs", true, ["ct"],
            ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"], [], ["status"])
        {
            CustomResourceVersion = new JsonObject
            {
                ["name"] = "v1",
                ["served"] = true,
                ["storage"] = true,
                ["schema"] = new JsonObject { ["openAPIV3Schema"] = JsonNode.Parse(schemaJson) },
            },
        };

    [Fact]
    public void Index_ListsEachGroupVersionWithAHashedUrl()
    {
        var index = Parse(Builtin.GetV3Index());

        var core = index["paths"]!["api/v1"]!["serverRelativeURL"]!.GetValue<string>();
        Assert.StartsWith("/openapi/v3/api/v1?hash=", core);
        Assert.Equal(Builtin.GetV3("api/v1")!.Hash, core.Split("hash=")[1]);
        Assert.NotNull(index["paths"]!["apis/apps/v1"]);
        Assert.NotNull(index["paths"]!["apis/autoscaling/v2"]);
    }

    [Fact]
    public void GroupVersionDocument_HasKindSchemasWithGvkAndDescriptions()
    {
        var doc = Parse(Builtin.GetV3("api/v1")!);

        Assert.Equal("3.0.0", doc["openapi"]!.GetValue<string>());
        var pod = doc["components"]!["schemas"]!["io.k8s.api.core.v1.Pod"]!;
        var gvk = pod["x-kubernetes-group-version-kind"]![0]!;
        Assert.Equal("", gvk["group"]!.GetValue<string>());
        Assert.Equal("Pod", gvk["kind"]!.GetValue<string>());
        Assert.Equal("v1", gvk["version"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/io.k8s.api.core.v1.PodSpec", pod["properties"]!["spec"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.NotNull(doc["components"]!["schemas"]!["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]);
        Assert.NotNull(doc["components"]!["schemas"]!["io.k8s.api.core.v1.PodList"]);

        var containers = doc["components"]!["schemas"]!["io.k8s.api.core.v1.PodSpec"]!["properties"]!["containers"]!;
        Assert.Equal("name", containers["x-kubernetes-patch-merge-key"]!.GetValue<string>());
        Assert.Equal("merge", containers["x-kubernetes-patch-strategy"]!.GetValue<string>());
        Assert.Equal("map", containers["x-kubernetes-list-type"]!.GetValue<string>());

        var port = doc["components"]!["schemas"]!["io.k8s.api.core.v1.ContainerPort"]!;
        Assert.Equal("int32", port["properties"]!["containerPort"]!["format"]!.GetValue<string>());
        Assert.Contains("containerPort", port["required"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void PatchOperation_CarriesGvkAndFieldValidation_SoKubectlValidatesServerSide()
    {
        var doc = Parse(Builtin.GetV3("apis/apps/v1")!);

        var patch = doc["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Equal("patch", patch["x-kubernetes-action"]!.GetValue<string>());
        Assert.Equal("Deployment", patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
        Assert.Contains("fieldValidation", patch["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.NotNull(patch["requestBody"]!["content"]!["application/strategic-merge-patch+json"]);
        Assert.NotNull(doc["paths"]!["/apis/apps/v1/deployments"]!["get"]);
        Assert.Equal("Scale", doc["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"]!["get"]!
            ["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void ClusterScopedResource_HasNoNamespacePath()
    {
        var doc = Parse(Builtin.GetV3("api/v1")!);

        Assert.NotNull(doc["paths"]!["/api/v1/namespaces/{name}"]);
        Assert.NotNull(doc["paths"]!["/api/v1/nodes/{name}"]);
        Assert.Null(doc["paths"]!["/api/v1/namespaces/{namespace}/nodes"]);
    }

    [Theory]
    [InlineData("api/v1")]
    [InlineData("apis/apps/v1")]
    [InlineData("apis/batch/v1")]
    [InlineData("apis/autoscaling/v2")]
    [InlineData("apis/apiextensions.k8s.io/v1")]
    [InlineData("apis/metrics.k8s.io/v1beta1")]
    public void EveryReference_ResolvesWithinItsDocument(string groupVersion)
    {
        var doc = Parse(Builtin.GetV3(groupVersion)!);
        var schemas = doc["components"]!["schemas"]!.AsObject();

        var missing = Refs(doc).Select(r => r["#/components/schemas/".Length..]).Where(name => !schemas.ContainsKey(name)).Distinct().ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void UnknownGroupVersion_IsNull()
    {
        Assert.Null(Builtin.GetV3("apis/nope.example.com/v1"));
        Assert.NotNull(Builtin.GetV3("/api/v1?hash=whatever"));
    }

    [Fact]
    public void Hash_IsStableAcrossInstancesAndChangesWithTheCatalog()
    {
        var again = new OpenApiDocuments(BuiltinResources.Create());
        Assert.Equal(Builtin.GetV3("api/v1")!.Hash, again.GetV3("api/v1")!.Hash);
        Assert.Equal(Builtin.GetV3("api/v1")!.Content, again.GetV3("api/v1")!.Content);

        var withCrd = again.WithResources([.. BuiltinResources.Create(), CronTabs()]);

        Assert.Same(again.GetV3("api/v1"), withCrd.GetV3("api/v1"));
        Assert.NotNull(withCrd.GetV3("apis/stable.example.com/v1"));
        var changed = again.WithResources([.. BuiltinResources.Create().Where(r => r.Plural != "configmaps")]);
        Assert.NotEqual(again.GetV3("api/v1")!.Hash, changed.GetV3("api/v1")!.Hash);
    }

    [Fact]
    public void CustomResource_UsesTheCrdSchemaWithCommonFieldsFilledIn()
    {
        var docs = new OpenApiDocuments([.. BuiltinResources.Create(), CronTabs()]);
        var doc = Parse(docs.GetV3("apis/stable.example.com/v1")!);

        var schema = doc["components"]!["schemas"]!["com.example.stable.v1.CronTab"]!;
        Assert.Equal("CronTab", schema["x-kubernetes-group-version-kind"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("string", schema["properties"]!["spec"]!["properties"]!["cronSpec"]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
            schema["properties"]!["metadata"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.NotNull(doc["components"]!["schemas"]!["com.example.stable.v1.CronTabList"]);
        var patch = doc["paths"]!["/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}"]!["patch"]!;
        Assert.Null(patch["requestBody"]!["content"]!["application/strategic-merge-patch+json"]);
        var schemas = doc["components"]!["schemas"]!.AsObject();
        Assert.All(Refs(doc), r => Assert.True(schemas.ContainsKey(r["#/components/schemas/".Length..]), r));
    }

    [Fact]
    public void Swagger2_HasDefinitionsPathsAndDowngradedCrdSchemas()
    {
        var docs = new OpenApiDocuments([.. BuiltinResources.Create(), CronTabs()]);
        var doc = Parse(docs.GetV2());

        Assert.Equal("2.0", doc["swagger"]!.GetValue<string>());
        var definitions = doc["definitions"]!.AsObject();
        Assert.Equal("#/definitions/io.k8s.api.core.v1.PodSpec", definitions["io.k8s.api.core.v1.Pod"]!["properties"]!["spec"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(doc["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]);
        var spec = definitions["com.example.stable.v1.CronTab"]!["properties"]!["spec"]!["properties"]!;
        Assert.Null(spec["replicas"]!["nullable"]);
        Assert.Null(spec["port"]!["anyOf"]);
        Assert.NotNull(spec["not"]);
        Assert.All(Refs(doc), r => Assert.True(definitions.ContainsKey(r["#/definitions/".Length..]), r));
    }

    [Fact]
    public void Documents_AreCachedAndBuiltOnce()
    {
        var docs = new OpenApiDocuments(BuiltinResources.Create());

        Assert.Same(docs.GetV3("apis/apps/v1"), docs.GetV3("apis/apps/v1"));
        Assert.Same(docs.GetV2(), docs.GetV2());
        Assert.Same(docs.GetV3Index(), docs.GetV3Index());
    }

    [Fact]
    public void Prebuild_BuildsEveryGroupVersionDocument()
    {
        var docs = new OpenApiDocuments(BuiltinResources.Create());

        docs.Prebuild();

        Assert.All(docs.GroupVersionPaths, path => Assert.NotEmpty(docs.GetV3(path)!.Content));
    }

    private static JsonObject Parse(OpenApiDocument document) => JsonNode.Parse(document.Content)!.AsObject();

    private static IEnumerable<string> Refs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue v)
                    {
                        yield return v.GetValue<string>();
                    }
                    foreach (var r in Refs(value))
                    {
                        yield return r;
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var r in Refs(item))
                    {
                        yield return r;
                    }
                }
                break;
        }
    }
}
