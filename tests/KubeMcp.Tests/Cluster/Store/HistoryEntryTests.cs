using System.Text.Json.Nodes;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Tests.Cluster.Store;

public sealed class HistoryEntryTests
{
    private static JsonObject Pod(int containers)
    {
        var list = new JsonArray();
        for (var i = 0; i < containers; i++)
        {
            list.Add(new JsonObject { ["name"] = $"c{i}", ["image"] = "registry.example.com/shop/app:1.4.2", ["ports"] = new JsonArray(8080 + i) });
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "p", ["namespace"] = "default", ["resourceVersion"] = "7" },
            ["spec"] = new JsonObject { ["containers"] = list, ["nodeName"] = null },
        };
    }

    private static HistoryEntry Entry(JsonObject obj) => new(new WatchEvent(WatchEventType.Modified, "pods", "default", "p", obj, 7));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    public void Compact_KeepsTheObjectExactly(int containers)
    {
        var pod = Pod(containers);
        var entry = Entry(pod);

        entry.Compact();
        var replayed = entry.ToEvent();

        Assert.Null(entry.LiveObject);
        Assert.NotSame(pod, replayed.Object);
        Assert.Equal(pod.ToJsonString(), replayed.Object.ToJsonString());
        Assert.Equal((WatchEventType.Modified, "pods", "default", "p", 7L),
            (replayed.Type, replayed.StorageKey, replayed.Namespace, replayed.Name, replayed.ResourceVersion));
    }

    [Fact]
    public void Size_CountsTheJsonText_NotTheCompressedForm()
    {
        var pod = Pod(50);
        var entry = Entry(pod);
        Assert.Equal(0, entry.Size);

        entry.Compact();

        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(pod.ToJsonString()), entry.Size);
    }

    [Fact]
    public void ToEvent_ParsesAfreshForEachWatcher()
    {
        var entry = Entry(Pod(2));
        entry.Compact();

        var first = entry.ToEvent().Object;
        first["metadata"]!["name"] = "changed by one watcher";

        Assert.Equal("p", entry.ToEvent().Object["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void BeforeCompaction_TheEventSharesTheLiveObject()
    {
        var pod = Pod(1);
        var entry = Entry(pod);

        Assert.Same(pod, entry.LiveObject);
        Assert.Same(pod, entry.ToEvent().Object);
    }
}
