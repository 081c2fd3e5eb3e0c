using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Patching;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Tests.Cluster.Store;

public sealed class ObjectStoreTests
{
    private static readonly ResourceType ConfigMaps = new ResourceCatalog().Find("", "v1", "configmaps")!;

    private static ObjectKey Key(string name, string ns = "default") => new("configmaps", ns, name);

    private static JsonObject ConfigMap(string name, string value = "1", string? ownerUid = null)
    {
        var obj = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["data"] = new JsonObject { ["v"] = value },
        };
        if (ownerUid is not null)
        {
            obj["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["uid"] = ownerUid, ["kind"] = "Deployment", ["name"] = "o" });
        }
        return obj;
    }

    private static JsonObject Changed(JsonObject current, string value)
    {
        var next = current.DeepClone().AsObject();
        next["data"]!["v"] = value;
        return next;
    }

    private static List<WatchEvent> Drain(ObjectStore.Watcher watcher)
    {
        var events = new List<WatchEvent>();
        while (watcher.Events.TryRead(out var e))
        {
            events.Add(e);
        }
        return events;
    }

    [Fact]
    public void Writes_StampIncreasingResourceVersions()
    {
        using var store = new ObjectStore();

        var a = store.Create(ConfigMaps, Key("a"), ConfigMap("a"));
        var b = store.Create(ConfigMaps, Key("b"), ConfigMap("b"));
        var a2 = store.Update(ConfigMaps, Key("a"), current => Changed(current, "2"));
        var deleted = store.Delete(ConfigMaps, Key("b"));

        Assert.Equal(new long[] { 1, 2, 3, 4 }, new[] { a, b, a2, deleted }.Select(o => o.ResourceVersionNumber()));
        Assert.Equal(4, store.ResourceVersion);
    }

    [Fact]
    public void Update_ReturningTheSameInstance_WritesNothing()
    {
        using var store = new ObjectStore();
        store.Create(ConfigMaps, Key("a"), ConfigMap("a"));
        using var watcher = store.Watch("configmaps", store.ResourceVersion, sendInitial: false, _ => true);

        var same = store.Update(ConfigMaps, Key("a"), current => current);

        Assert.Equal(1, same.ResourceVersionNumber());
        Assert.Equal(1, store.ResourceVersion);
        Assert.Empty(Drain(watcher));
    }

    [Fact]
    public void CreateTwice_IsAlreadyExists_AndMissingObjectsAreNotFound()
    {
        using var store = new ObjectStore();
        store.Create(ConfigMaps, Key("a"), ConfigMap("a"));

        Assert.Equal("AlreadyExists", Assert.Throws<ApiException>(() => store.Create(ConfigMaps, Key("a"), ConfigMap("a"))).Reason);
        Assert.Equal(404, Assert.Throws<ApiException>(() => store.Update(ConfigMaps, Key("b"), c => c)).Code);
        Assert.Equal(404, Assert.Throws<ApiException>(() => store.Delete(ConfigMaps, Key("b"))).Code);
    }

    [Fact]
    public void FailingUpdateOrDeletePrecondition_LeavesTheObjectAsItWas()
    {
        using var store = new ObjectStore();
        var original = store.Create(ConfigMaps, Key("a"), ConfigMap("a"));

        Assert.Throws<InvalidOperationException>(() => store.Update(ConfigMaps, Key("a"), _ => throw new InvalidOperationException("veto")));
        Assert.Throws<ApiException>(() => store.Delete(ConfigMaps, Key("a"), _ => throw ApiException.BadRequest("veto")));

        Assert.Same(original, store.Get(Key("a")));
        Assert.Equal(1, store.ResourceVersion);
    }

    [Fact]
    public void List_IsOrderedByNamespaceThenName_AndPagesAfterAPosition()
    {
        using var store = new ObjectStore();
        foreach (var (ns, name) in new[] { ("b", "x"), ("a", "z"), ("a", "y"), ("a-b", "w") })
        {
            store.Create(ConfigMaps, Key(name, ns), ConfigMap(name));
        }

        var all = store.List("configmaps", null).Items.Select(o => o.Name());
        var inA = store.List("configmaps", "a").Items.Select(o => o.Name());
        var afterAy = store.List("configmaps", null, after: "a/y").Items.Select(o => o.Name());

        Assert.Equal(["w", "y", "z", "x"], all);
        Assert.Equal(["y", "z"], inA);
        Assert.Equal(["z", "x"], afterAy);
        Assert.Empty(store.List("secrets", null).Items);
    }

    [Fact]
    public void Watch_FromAResourceVersion_ReplaysLaterChangesOfThatResourceThenFollowsLiveOnes()
    {
        using var store = new ObjectStore();
        store.Create(ConfigMaps, Key("a"), ConfigMap("a"));
        var from = store.ResourceVersion;
        store.Update(ConfigMaps, Key("a"), c => Changed(c, "2"));
        store.Create(new ResourceCatalog().Find("", "v1", "secrets")!, new ObjectKey("secrets", "default", "s"), ConfigMap("s"));

        using var watcher = store.Watch("configmaps", from, sendInitial: false, _ => true);
        store.Delete(ConfigMaps, Key("a"));

        var events = Drain(watcher);
        Assert.Equal([WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.Equal([2L, 4L], events.Select(e => e.ResourceVersion));
    }

    [Fact]
    public void Watch_WithoutAResourceVersion_StartsWithTheCurrentObjectsAsAdded()
    {
        using var store = new ObjectStore();
        store.Create(ConfigMaps, Key("a"), ConfigMap("a"));
        store.Create(ConfigMaps, Key("b"), ConfigMap("b"));

        using var watcher = store.Watch("configmaps", null, sendInitial: true, e => e.Name != "b");

        var events = Drain(watcher);
        Assert.Equal("a", Assert.Single(events).Name);
        Assert.Equal(WatchEventType.Added, events[0].Type);
    }

    [Fact]
    public void Watch_FromAVersionOlderThanTheHistory_IsGone()
    {
        using var store = new ObjectStore(historyCapacity: 3);
        store.Create(ConfigMaps, Key("a"), ConfigMap("a"));
        for (var i = 2; i <= 5; i++)
        {
            store.Update(ConfigMaps, Key("a"), c => Changed(c, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var error = Assert.Throws<ApiException>(() => store.Watch("configmaps", 1, sendInitial: false, _ => true));
        using var resumable = store.Watch("configmaps", 2, sendInitial: false, _ => true);

        Assert.Equal(410, error.Code);
        Assert.Equal("Expired", error.Reason);
        Assert.Equal("too old resource version: 1 (3)", error.Message);
        Assert.Equal(2, store.OldestResumableVersion);
        Assert.Equal([3L, 4L, 5L], Drain(resumable).Select(e => e.ResourceVersion));
    }

    [Fact]
    public void Watch_ReplayingSupersededVersions_SendsEachVersionAsItWasWritten()
    {
        using var store = new ObjectStore();
        store.Create(ConfigMaps, Key("a"), ConfigMap("a"));
        store.Update(ConfigMaps, Key("a"), c => Changed(c, "2"));
        store.Update(ConfigMaps, Key("a"), c => Changed(c, "3"));
        store.Delete(ConfigMaps, Key("a"));

        using var watcher = store.Watch("configmaps", 0, sendInitial: false, _ => true);

        var events = Drain(watcher);
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.Equal(["1", "2", "3", "3"], events.Select(e => e.Object.Str("data.v")));
        Assert.Equal(["1", "2", "3", "4"], events.Select(e => e.Object.Str("metadata.resourceVersion")));
    }

    [Fact]
    public void Watch_WhenSupersededVersionsExceedTheByteBudget_OlderChangesAreGone()
    {
        // One superseded ConfigMap is about 100 bytes: a 250-byte budget keeps two of them.
        using var store = new ObjectStore(historyBytes: 250);
        store.Create(ConfigMaps, Key("a"), ConfigMap("a"));
        for (var i = 2; i <= 5; i++)
        {
            store.Update(ConfigMaps, Key("a"), c => Changed(c, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var error = Assert.Throws<ApiException>(() => store.Watch("configmaps", 1, sendInitial: false, _ => true));
        using var resumable = store.Watch("configmaps", store.OldestResumableVersion, sendInitial: false, _ => true);

        Assert.Equal(410, error.Code);
        Assert.Equal(2, store.OldestResumableVersion);
        Assert.Equal([3L, 4L, 5L], Drain(resumable).Select(e => e.ResourceVersion));
        Assert.Equal("5", store.Get(Key("a"))!.Str("data.v"));
    }

    [Fact]
    public void Watch_FromTheCurrentVersion_IsNeverGone_EvenWithNoByteBudget()
    {
        using var store = new ObjectStore(historyBytes: 0);
        store.Create(ConfigMaps, Key("a"), ConfigMap("a"));
        store.Delete(ConfigMaps, Key("a"));

        using var watcher = store.Watch("configmaps", store.ResourceVersion, sendInitial: false, _ => true);
        store.Create(ConfigMaps, Key("b"), ConfigMap("b"));

        Assert.Equal("b", Assert.Single(Drain(watcher)).Name);
    }

    [Fact]
    public void Writes_StoreACopy_SoTheWritersObjectCanChangeLater()
    {
        using var store = new ObjectStore();
        var input = ConfigMap("a", "1");

        var stored = store.Create(ConfigMaps, Key("a"), input);
        input["data"]!["v"] = "changed after the write";

        Assert.NotSame(input, stored);
        Assert.Same(stored, store.Get(Key("a")));
        Assert.Equal("1", store.Get(Key("a"))!.Str("data.v"));
    }

    [Fact]
    public void StoredManagedFields_ReadAndSerializeAsWritten()
    {
        using var store = new ObjectStore();
        var input = ConfigMap("a");
        var managedFields = JsonNode.Parse("""
            [{"manager":"kubectl","operation":"Apply","apiVersion":"v1","fieldsType":"FieldsV1",
              "fieldsV1":{"f:data":{"f:v":{}},"f:metadata":{"f:labels":{".":{},"f:k:{\"x\"}":{}}}}}]
            """)!;
        input["metadata"]!["managedFields"] = managedFields.DeepClone();

        var stored = store.Create(ConfigMaps, Key("a"), input);

        Assert.True(JsonNode.DeepEquals(managedFields, store.Get(Key("a"))!["metadata"]!["managedFields"]));
        Assert.Equal("kubectl", ManagedFields.Entries(stored)![0]!["manager"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(managedFields, stored.DeepClone()["metadata"]!["managedFields"]));
        Assert.True(JsonNode.DeepEquals(managedFields, JsonNode.Parse(stored.ToJsonString())!["metadata"]!["managedFields"]));
    }

    [Fact]
    public void Restart_KeepsObjectsAndResourceVersions_ButOlderWatchesMustRelist()
    {
        var disk = new MemoryPersistence();
        using (var first = new ObjectStore(disk))
        {
            first.Create(ConfigMaps, Key("a"), ConfigMap("a"));
            first.Create(ConfigMaps, Key("b"), ConfigMap("b"));
            first.Delete(ConfigMaps, Key("b"));
        }

        using var second = new ObjectStore(disk);
        var c = second.Create(ConfigMaps, Key("c"), ConfigMap("c"));

        Assert.NotNull(second.Get(Key("a")));
        Assert.Null(second.Get(Key("b")));
        Assert.Equal(4, c.ResourceVersionNumber());
        Assert.Equal(410, Assert.Throws<ApiException>(() => second.Watch("configmaps", 1, sendInitial: false, _ => true)).Code);
        using var fromRestart = second.Watch("configmaps", 3, sendInitial: false, _ => true);
        Assert.Equal("c", Assert.Single(Drain(fromRestart)).Name);
    }

    [Fact]
    public void Dependents_FollowOwnerReferencesThroughUpdatesAndDeletes()
    {
        using var store = new ObjectStore();
        store.Create(ConfigMaps, Key("a"), ConfigMap("a", ownerUid: "owner-1"));
        store.Create(ConfigMaps, Key("b"), ConfigMap("b", ownerUid: "owner-1"));

        store.Update(ConfigMaps, Key("b"), c =>
        {
            var next = c.DeepClone().AsObject();
            next["metadata"]!.AsObject().Remove("ownerReferences");
            return next;
        });
        Assert.Equal([Key("a")], store.Dependents("owner-1"));

        store.Delete(ConfigMaps, Key("a"));
        Assert.Empty(store.Dependents("owner-1"));
    }

    [Fact]
    public void Watcher_CountsItsBacklog()
    {
        using var store = new ObjectStore();
        using var watcher = store.Watch("configmaps", null, sendInitial: true, _ => true);

        store.Create(ConfigMaps, Key("a"), ConfigMap("a"));
        store.Create(ConfigMaps, Key("b"), ConfigMap("b"));

        Assert.True(watcher.Events.CanCount);
        Assert.Equal(2, watcher.Events.Count);
    }

    [Fact]
    public void DisposedWatchers_StopReceiving_AndDisposingTheStoreCompletesTheRest()
    {
        var store = new ObjectStore();
        var stopped = store.Watch("configmaps", null, sendInitial: true, _ => true);
        var open = store.Watch("configmaps", null, sendInitial: true, _ => true);
        stopped.Dispose();

        store.Create(ConfigMaps, Key("a"), ConfigMap("a"));
        store.Dispose();

        Assert.Empty(Drain(stopped));
        Assert.Single(Drain(open));
        Assert.True(open.Events.Completion.IsCompleted);
    }
}
