using KubeMcp.Agent.Mcp;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Tests.Agent.Mcp;

public sealed class ToolLookupTests
{
    private static readonly ToolDescriptor[] Tools =
        [.. new[] { "pods_list", "pods_list_in_namespace", "pods_get", "pods_log", "namespaces_list", "helm_install" }
            .Select(n => ToolDescriptor.Create(n, "", """{"type":"object"}"""))];

    [Fact]
    public void Find_ExactName() => Assert.Equal("pods_get", ToolLookup.Find(Tools, "pods_get", "kubemcp").Name);

    [Theory]
    [InlineData("pods_lst", "pods_list")]
    [InlineData("Pods_List", "pods_list")]
    [InlineData("pod_list", "pods_list")]
    [InlineData("pods-log", "pods_log")]
    [InlineData("namespaces", "namespaces_list")]
    public void Find_UnknownName_SuggestsTheClosest(string name, string best)
    {
        var ex = Assert.Throws<UnknownToolException>(() => ToolLookup.Find(Tools, name, "kubemcp"));

        Assert.Equal(best, ex.Suggestions[0]);
        Assert.True(ex.Suggestions.Count <= 3);
        Assert.StartsWith($"kubemcp has no tool named '{name}'. Did you mean {best}", ex.Message);
    }

    [Fact]
    public void Find_NothingClose_ListsAllTools()
    {
        var ex = Assert.Throws<UnknownToolException>(() => ToolLookup.Find(Tools, "xyzzy_frobnicate_everything", "kubemcp"));

        Assert.Empty(ex.Suggestions);
        Assert.Contains("Its 6 tools: helm_install, namespaces_list, pods_get", ex.Message);
    }

    [Fact]
    public void Find_ServerWithoutTools()
    {
        var ex = Assert.Throws<UnknownToolException>(() => ToolLookup.Find([], "pods_list", "empty"));

        Assert.Equal("empty has no tool named 'pods_list'. It offers no tools.", ex.Message);
    }
}
