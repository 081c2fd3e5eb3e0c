using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;

namespace KubeMcp.Tests.Server.Formatting;

public sealed class ObjectCleanerTests
{
    [Fact]
    public void Clean_DropsManagedFieldsAndLastAppliedButKeepsOtherAnnotations()
    {
        var obj = JsonNode.Parse("""
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "managedFields": [{"manager": "kubectl"}],
             "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{...}", "team": "web"}}}
            """)!.AsObject();

        var clean = ObjectCleaner.Clean(obj);

        Assert.Null(clean["metadata"]!["managedFields"]);
        Assert.Equal("""{"team":"web"}""", clean["metadata"]!["annotations"]!.ToJsonString());
        Assert.NotNull(obj["metadata"]!["managedFields"]);
    }

    [Fact]
    public void Clean_RemovesAnnotationsThatBecomeEmpty()
    {
        var obj = JsonNode.Parse("""{"metadata": {"annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{}"}}}""")!.AsObject();

        Assert.Null(ObjectCleaner.Clean(obj)["metadata"]!["annotations"]);
    }

    [Fact]
    public void Clean_RedactsSecretDataAndStringDataWithTheirSize()
    {
        var secret = JsonNode.Parse("""
            {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"},
             "data": {"password": "aHVudGVyMg==", "key": "YWJj"}, "stringData": {"token": "abcdef"}}
            """)!.AsObject();

        var clean = ObjectCleaner.Clean(secret);

        Assert.Equal("REDACTED (7 bytes)", clean["data"]!["password"]!.GetValue<string>());
        Assert.Equal("REDACTED (3 bytes)", clean["data"]!["key"]!.GetValue<string>());
        Assert.Equal("REDACTED (6 bytes)", clean["stringData"]!["token"]!.GetValue<string>());
    }

    [Fact]
    public void Clean_LeavesDataOfOtherKindsAlone()
    {
        var cm = JsonNode.Parse("""{"apiVersion": "v1", "kind": "ConfigMap", "data": {"password": "visible"}}""")!.AsObject();

        Assert.Equal("visible", ObjectCleaner.Clean(cm)["data"]!["password"]!.GetValue<string>());
    }
}
