using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Selectors;

namespace KubeMcp.Tests.Cluster.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly JsonObject Web = new() { ["app"] = "web", ["tier"] = "front", ["example.com/rank"] = "7" };

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app!=web", false)]
    [InlineData("app!=db", true)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (db, web)", true)]
    [InlineData("app in (db)", false)]
    [InlineData("app notin (db)", true)]
    [InlineData("missing notin (db)", true)]
    [InlineData("app", true)]
    [InlineData("!app", false)]
    [InlineData("!missing", true)]
    [InlineData("app=web,tier=front", true)]
    [InlineData("app=web,tier=back", false)]
    [InlineData("app in (web,db),!missing", true)]
    [InlineData("example.com/rank>5", true)]
    [InlineData("example.com/rank<5", false)]
    [InlineData("app>5", false)]
    [InlineData("app=", false)]
    [InlineData("", true)]
    public void Matches_FollowsTheApiServerSemantics(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Web));

    [Fact]
    public void Matches_ObjectsWithoutLabels_OnlyForNegativeRequirements()
    {
        Assert.True(LabelSelector.Parse("!app,app notin (web),app!=web").Matches(null));
        Assert.False(LabelSelector.Parse("app").Matches(null));
    }

    [Theory]
    [InlineData("a b c", "found 'b c', expected: in, notin")]
    [InlineData("app in web", "expected: '(' value list ')'")]
    [InlineData("app in (web", "expected: '(' value list ')'")]
    [InlineData("app in ()", "values set can't be empty")]
    [InlineData("app=web,", "empty requirement")]
    [InlineData("=web", "invalid label key")]
    [InlineData("bad key=x", "invalid label key")]
    [InlineData("a/b/c=x", "invalid label key")]
    [InlineData("Example.com/app=x", "prefix part must be a lowercase RFC 1123 subdomain")]
    [InlineData("-app=x", "name part must consist of alphanumeric characters")]
    [InlineData("app=-web", "invalid label value")]
    [InlineData("app=has space", "invalid label value")]
    [InlineData("rank>high", "the value must be an integer")]
    public void Parse_RejectsMalformedSelectorsWith400(string selector, string message)
    {
        var error = Assert.Throws<ApiException>(() => LabelSelector.Parse(selector));

        Assert.Equal(400, error.Code);
        Assert.Equal("BadRequest", error.Reason);
        Assert.Contains(message, error.Message);
        Assert.Contains($"(selector \"{selector}\")", error.Message);
    }

    [Fact]
    public void Parse_RejectsOverlongNamesAndValues()
    {
        Assert.Throws<ApiException>(() => LabelSelector.Parse(new string('a', 64) + "=x"));
        Assert.Throws<ApiException>(() => LabelSelector.Parse("a=" + new string('x', 64)));
        Assert.True(LabelSelector.Parse(new string('a', 63) + "=" + new string('x', 63)).Matches(
            new JsonObject { [new string('a', 63)] = new string('x', 63) }));
    }

    [Fact]
    public void FromObject_CombinesMatchLabelsAndExpressions()
    {
        var selector = LabelSelector.FromObject(JsonNode.Parse("""
            {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["front","edge"]},{"key":"canary","operator":"DoesNotExist"}]}
            """)!.AsObject());

        Assert.True(selector.Matches(Web));
        Assert.False(selector.Matches(new JsonObject { ["app"] = "web", ["tier"] = "front", ["canary"] = "yes" }));
        Assert.Equal("app=web,tier in (front,edge),!canary", selector.ToString());
    }

    [Fact]
    public void FromObject_RejectsAnUnknownOperator()
    {
        var error = Assert.Throws<ApiException>(() => LabelSelector.FromObject(JsonNode.Parse("""
            {"matchExpressions":[{"key":"tier","operator":"Near","values":["x"]}]}
            """)!.AsObject()));

        Assert.Equal(400, error.Code);
    }

    [Fact]
    public void TryFromObject_AcceptsAWellFormedSelector()
    {
        var selector = LabelSelector.TryFromObject(JsonNode.Parse("""
            {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"NotIn","values":["back"]},{"key":"app","operator":"Exists"}]}
            """)!.AsObject(), out var error);

        Assert.Null(error);
        Assert.True(selector!.Matches(Web));
        Assert.False(selector.Matches(new JsonObject { ["app"] = "web", ["tier"] = "back" }));
    }

    [Theory]
    [InlineData("""{"matchLabels":{"app":5}}""", "matchLabels value for \"app\" must be a string")]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"In","values":[]}]}""", "\"In\" is not a valid")]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"NotIn"}]}""", "\"NotIn\" is not a valid")]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"Exists","values":["x"]}]}""", "with 1 values")]
    [InlineData("""{"matchExpressions":[{"key":"","operator":"Exists"}]}""", "for key \"\"")]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"Near","values":["x"]}]}""", "\"Near\" is not a valid")]
    public void TryFromObject_RejectsSelectorsThatCannotBeEvaluatedAsWritten(string json, string reason)
    {
        Assert.Null(LabelSelector.TryFromObject(JsonNode.Parse(json)!.AsObject(), out var error));
        Assert.Contains(reason, error);
    }
}
