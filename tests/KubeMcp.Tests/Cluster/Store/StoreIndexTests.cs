using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Tests.Cluster.Store;

public sealed class StoreIndexTests
{
    private static readonly ResourceCatalog Catalog = new();
    private static readonly ResourceType Pods = Catalog.Find("", "v1", "pods")!;
    private static readonly ResourceType ConfigMaps = Catalog.Find("", "v1", "configmaps")!;

    private static JsonObject Pod(string ns, string name, string? node = null, string? ownerUid = null, bool controller = true)
    {
        var pod = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject(),
        };
        if (node is not null)
        {
            pod["spec"]!["nodeName"] = node;
        }
        if (ownerUid is not null)
        {
            pod["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["uid"] = ownerUid, ["controller"] = controller });
        }
        return pod;
    }

    private static List<string> Names(IEnumerable<JsonObject> objects) => [.. objects.Select(o => $"{o.Namespace()}/{o.Name()}")];

    [Fact]
    public void List_InNamespace_ReturnsOnlyThatNamespaceInNameOrder()
    {
        using var store = new ObjectStore();
        foreach (var (ns, name) in new[] { ("a-b", "x"), ("a", "z"), ("a", "y"), ("ab", "w") })
        {
            store.Create(Pods, new ObjectKey("pods", ns, name), Pod(ns, name));
        }

        Assert.Equal(["a/y", "a/z"], Names(store.List("pods", "a").Items));
        Assert.Equal(["a/z"], Names(store.List("pods", "a", after: "a/y").Items));
        Assert.Empty(store.List("pods", "missing").Items);
        Assert.Empty(store.List("configmaps", "a").Items);
    }

    [Fact]
    public void List_InNamespace_ForgetsDeletedObjects()
    {
        using var store = new ObjectStore();
        store.Create(Pods, new ObjectKey("pods", "a", "p"), Pod("a", "p"));

        store.Delete(Pods, new ObjectKey("pods", "a", "p"));

        Assert.Empty(store.List("pods", "a").Items);
    }

    [Fact]
    public void PodsOnNode_FollowsBindingAndDeletion()
    {
        using var store = new ObjectStore();
        var key = new ObjectKey("pods", "a", "p");
        store.Create(Pods, key, Pod("a", "p"));
        store.Create(Pods, new ObjectKey("pods", "a", "q"), Pod("a", "q", node: "n1"));
        Assert.Equal(["a/q"], Names(store.PodsOnNode("n1")));

        store.Update(Pods, key, _ => Pod("a", "p", node: "n1"));
        var bound = store.PodsOnNode("n1");
        store.Update(Pods, key, _ => Pod("a", "p", node: "n2"));

        Assert.Equal(["a/p", "a/q"], Names(bound));
        Assert.Equal(["a/q"], Names(store.PodsOnNode("n1")));
        Assert.Equal(["a/p"], Names(store.PodsOnNode("n2")));
        store.Delete(Pods, key);
        Assert.Empty(store.PodsOnNode("n2"));
    }

    [Fact]
    public void PodsOnNode_ReturnsTheLatestSnapshot()
    {
        using var store = new ObjectStore();
        var key = new ObjectKey("pods", "a", "p");
        store.Create(Pods, key, Pod("a", "p", node: "n1"));

        var updated = store.Update(Pods, key, current =>
        {
            var next = current.DeepClone().AsObject();
            next["status"] = new JsonObject { ["phase"] = "Running" };
            return next;
        });

        Assert.Same(updated, Assert.Single(store.PodsOnNode("n1")));
    }

    [Fact]
    public void DependentObjects_ReturnsOwnedObjectsOfOneResourceAndNamespaceInNameOrder()
    {
        using var store = new ObjectStore();
        store.Create(Pods, new ObjectKey("pods", "a", "p2"), Pod("a", "p2", ownerUid: "u1"));
        store.Create(Pods, new ObjectKey("pods", "a", "p1"), Pod("a", "p1", ownerUid: "u1"));
        store.Create(Pods, new ObjectKey("pods", "b", "p3"), Pod("b", "p3", ownerUid: "u1"));
        store.Create(Pods, new ObjectKey("pods", "a", "other"), Pod("a", "other", ownerUid: "u2"));
        store.Create(ConfigMaps, new ObjectKey("configmaps", "a", "c"), Pod("a", "c", ownerUid: "u1"));

        Assert.Equal(["a/p1", "a/p2"], Names(store.DependentObjects("u1", "pods", "a")));
        Assert.Empty(store.DependentObjects("u3", "pods", "a"));
    }

    [Fact]
    public void DependentObjects_FollowsOwnerReferenceChanges()
    {
        using var store = new ObjectStore();
        var key = new ObjectKey("pods", "a", "p");
        store.Create(Pods, key, Pod("a", "p", ownerUid: "u1"));

        store.Update(Pods, key, _ => Pod("a", "p", ownerUid: "u2"));

        Assert.Empty(store.DependentObjects("u1", "pods", "a"));
        Assert.Equal(["a/p"], Names(store.DependentObjects("u2", "pods", "a")));
    }
}
