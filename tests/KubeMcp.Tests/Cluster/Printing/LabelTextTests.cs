using System.Text.Json.Nodes;
using KubeMcp.Cluster.Printing;

namespace KubeMcp.Tests.Cluster.Printing;

public sealed class LabelTextTests
{
    [Fact]
    public void FormatMap_SortsKeys_AndShowsNoneWhenEmpty()
    {
        Assert.Equal("a=1,b=2", LabelText.FormatMap(JsonNode.Parse("""{"b":"2","a":"1"}""")));
        Assert.Equal("<none>", LabelText.FormatMap(JsonNode.Parse("{}")));
        Assert.Equal("<none>", LabelText.FormatMap(null));
    }

    [Fact]
    public void FormatSelector_PrintsEveryOperator()
    {
        var selector = JsonNode.Parse("""
            {"matchLabels":{"app":"web"},
             "matchExpressions":[
               {"key":"zone","operator":"NotIn","values":["b","a"]},
               {"key":"canary","operator":"DoesNotExist"},
               {"key":"env","operator":"Exists"}]}
            """);

        // Requirements sort by key, whatever their operator.
        Assert.Equal("app=web,!canary,env,zone notin (a,b)", LabelText.FormatSelector(selector));
    }

    [Fact]
    public void FormatSelector_EmptyIsNone_MalformedIsError()
    {
        Assert.Equal("<none>", LabelText.FormatSelector(JsonNode.Parse("{}")));
        Assert.Equal("<none>", LabelText.FormatSelector(null));
        Assert.Equal("<error>", LabelText.FormatSelector(JsonNode.Parse("""{"matchExpressions":[{"key":"a","operator":"In"}]}""")));
        Assert.Equal("<error>", LabelText.FormatSelector(JsonNode.Parse("""{"matchExpressions":[{"key":"a","operator":"Like","values":["x"]}]}""")));
        Assert.Null(LabelText.SelectorString(JsonNode.Parse("""{"matchExpressions":[{"key":"a","operator":"Exists","values":["x"]}]}""")));
    }
}
