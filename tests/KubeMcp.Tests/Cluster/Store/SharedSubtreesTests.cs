using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Tests.Cluster.Store;

public sealed class SharedSubtreesTests
{
    private const string Containers = """[{"name":"app","image":"registry.example.com/shop/app:1.4.2","ports":[{"containerPort":8080}]}]""";

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    [Fact]
    public void Find_TheFirstTime_RemembersThePartButSharesNothing()
    {
        var shared = new SharedSubtrees();

        Assert.Null(shared.Find(Parse(Containers)));
    }

    [Fact]
    public void Find_AnEqualPartAgain_GivesANewNodeWithTheSameContent()
    {
        var shared = new SharedSubtrees();
        shared.Find(Parse(Containers));

        var first = shared.Find(Parse(Containers));
        var second = shared.Find(new JsonArray(new JsonObject
        {
            ["name"] = "app", ["image"] = "registry.example.com/shop/app:1.4.2", ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080 }),
        }));

        Assert.IsType<JsonArray>(first);
        Assert.NotNull(second);
        Assert.NotSame(first, second);
        Assert.Equal(Containers, first.ToJsonString());
        Assert.Equal(8080, second[0]!["ports"]![0]!["containerPort"]!.GetValue<int>());
        Assert.NotSame(first[0], second[0]);
    }

    [Fact]
    public void Find_ADifferentPart_IsNotShared()
    {
        var shared = new SharedSubtrees();
        shared.Find(Parse(Containers));

        Assert.Null(shared.Find(Parse(Containers.Replace("8080", "8081", StringComparison.Ordinal))));
    }

    [Fact]
    public void Find_SmallPartsAndScalars_AreNeverShared()
    {
        var shared = new SharedSubtrees();
        const string Small = """{"app":"web"}""";
        shared.Find(Parse(Small));
        shared.Find(JsonValue.Create("a long enough string value that would be worth sharing if it were a part"));

        Assert.Null(shared.Find(Parse(Small)));
        Assert.Null(shared.Find(JsonValue.Create("a long enough string value that would be worth sharing if it were a part")));
    }

    [Fact]
    public void ChangingACopyOfASharedPart_LeavesTheOthersAlone()
    {
        var shared = new SharedSubtrees();
        shared.Find(Parse(Containers));
        var a = new JsonObject { ["containers"] = shared.Find(Parse(Containers)) };
        var b = new JsonObject { ["containers"] = shared.Find(Parse(Containers)) };

        var changed = a.DeepClone();
        changed["containers"]![0]!["image"] = "other:1";
        changed["containers"]!.AsArray().Add(new JsonObject { ["name"] = "sidecar" });

        Assert.Equal(Containers, a["containers"]!.ToJsonString());
        Assert.Equal(Containers, b["containers"]!.ToJsonString());
        Assert.Equal(2, changed["containers"]!.AsArray().Count);
    }

    [Fact]
    public void SharedParts_CanBeReadFromManyThreadsAtOnce()
    {
        var shared = new SharedSubtrees();
        shared.Find(Parse(Containers));
        var parts = Enumerable.Range(0, 64).Select(_ => shared.Find(Parse(Containers))!).ToList();

        var images = parts.AsParallel().Select(p => p[0]!["image"]!.GetValue<string>()).Distinct().ToList();

        Assert.Equal(["registry.example.com/shop/app:1.4.2"], images);
    }
}
