using System.Text.Json.Nodes;
using KubeMcp.Cluster.Patching;

namespace KubeMcp.Tests.Cluster.Patching;

public sealed class OpenApiSchemasTests
{
    private static readonly JsonObject WidgetSchema = JsonNode.Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","properties":{
            "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["port","protocol"],
              "items":{"type":"object","properties":{"port":{"type":"integer"},"protocol":{"type":"string","default":"TCP"},"name":{"type":"string"}}}},
            "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
            "selector":{"type":"object","x-kubernetes-map-type":"atomic","additionalProperties":{"type":"string"}},
            "args":{"type":"array","items":{"type":"string"}}}}}}
        """)!.AsObject();

    private static JsonObject Widget(string spec) => JsonNode.Parse(
        """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":SPEC}""".Replace("SPEC", spec))!.AsObject();

    [Fact]
    public void Apply_AtomicFieldsOfAnotherManagerConflict()
    {
        var schema = OpenApiSchemas.ForCustomResource(WidgetSchema);
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var live = ServerSideApply.Apply(null, Widget("""{"selector":{"a":"1","b":"2"},"tags":["a"]}"""), "tool", false, now, schema: schema);

        var error = Assert.Throws<KubeMcp.Cluster.Api.ApiException>(() =>
            ServerSideApply.Apply(live, Widget("""{"selector":{"a":"1"},"tags":["b"]}"""), "other", false, now, schema: schema));

        Assert.Equal("Apply failed with 1 conflict: conflict with \"tool\": .spec.selector", error.Message);
    }

    [Fact]
    public void Apply_UsesTheCrdListAndMapTypes()
    {
        var schema = OpenApiSchemas.ForCustomResource(WidgetSchema);
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var live = ServerSideApply.Apply(null,
            Widget("""{"ports":[{"port":80,"name":"http"}],"tags":["a"],"selector":{"a":"1","b":"2"},"args":["x"]}"""),
            "tool", false, now, schema: schema);
        live = ServerSideApply.Apply(live,
            Widget("""{"ports":[{"port":443,"name":"https"}],"tags":["b"],"selector":{"a":"1"},"args":["y"]}"""),
            "other", force: true, now, schema: schema);

        Assert.Equal([80, 443], live["spec"]!["ports"]!.AsArray().Select(p => (int)p!["port"]!));
        Assert.Equal("""["a","b"]""", live["spec"]!["tags"]!.ToJsonString());
        Assert.Equal("""{"a":"1"}""", live["spec"]!["selector"]!.ToJsonString());
        Assert.Equal("""["y"]""", live["spec"]!["args"]!.ToJsonString());
        var other = live["metadata"]!["managedFields"]!.AsArray().Single(e => (string)e!["manager"]! == "other")!;
        Assert.Equal("""
            {"f:spec":{"f:args":{},"f:ports":{"k:{\"port\":443,\"protocol\":\"TCP\"}":{".":{},"f:name":{},"f:port":{}}},"f:selector":{},"f:tags":{"v:\"b\"":{}}}}
            """.Trim(), JsonValues.Compact(other["fieldsV1"]));
    }

    [Fact]
    public void ForCustomResource_WithoutASchemaDeducesEverything()
    {
        var schema = OpenApiSchemas.ForCustomResource(null);

        Assert.Equal(SchemaKind.Struct, schema.Field("spec").Kind);
        Assert.Equal(ListType.Atomic, schema.Field("spec").Field("items").ListType);
        Assert.Equal(ListType.Set, schema.Field("metadata").Field("finalizers").ListType);
    }
}
