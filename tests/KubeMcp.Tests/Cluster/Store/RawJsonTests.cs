using System.Text.Json.Nodes;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Tests.Cluster.Store;

public sealed class RawJsonTests
{
    private const string Entries = """[{"manager":"kubectl","fieldsV1":{"f:data":{".":{},"f:k":{}}}},{"manager":"x","time":null}]""";

    private static JsonObject Holder(JsonNode value) => new() { ["metadata"] = new JsonObject { ["managedFields"] = value } };

    [Fact]
    public void WritesItsTextVerbatim()
    {
        var holder = Holder(RawJson.From(JsonNode.Parse(Entries)!));

        Assert.Equal("{\"metadata\":{\"managedFields\":" + Entries + "}}", holder.ToJsonString());
    }

    [Fact]
    public void Expand_ParsesTheTextIntoNodes_AfreshEachTime()
    {
        var raw = RawJson.From(JsonNode.Parse(Entries)!);

        var first = Assert.IsType<JsonArray>(RawJson.Expand(raw));
        var second = RawJson.Expand(raw);

        Assert.Equal("kubectl", first[0]!["manager"]!.GetValue<string>());
        Assert.NotSame(first, second);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Entries), second));
    }

    [Fact]
    public void Expand_ReturnsOtherNodesAsTheyAre()
    {
        var array = JsonNode.Parse(Entries)!;
        JsonNode text = "a string";

        Assert.Same(array, RawJson.Expand(array));
        Assert.Same(text, RawJson.Expand(text));
        Assert.Null(RawJson.Expand(null));
    }

    [Fact]
    public void DeepClone_GivesOrdinaryNodesThatCanBeChanged()
    {
        var holder = Holder(RawJson.From(JsonNode.Parse(Entries)!));

        var copy = holder.DeepClone();
        var entries = Assert.IsType<JsonArray>(copy["metadata"]!["managedFields"]);
        entries.RemoveAt(1);

        Assert.Single(entries);
        Assert.Equal(2, ((JsonArray)RawJson.Expand(holder["metadata"]!["managedFields"])!).Count);
    }

    [Fact]
    public void DeepEquals_ComparesByContent()
    {
        var holder = Holder(RawJson.From(JsonNode.Parse(Entries)!));

        Assert.True(JsonNode.DeepEquals(holder, Holder(JsonNode.Parse(Entries)!)));
        Assert.False(JsonNode.DeepEquals(holder, Holder(JsonNode.Parse("[]")!)));
    }
}
