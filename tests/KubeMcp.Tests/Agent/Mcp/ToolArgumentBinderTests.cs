using System.Text.Json.Nodes;
using KubeMcp.Agent.Mcp;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Tests.Agent.Mcp;

public sealed class ToolArgumentBinderTests
{
    private static readonly ToolDescriptor Tool = ToolDescriptor.Create("pods_exec", "Run a command.", """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "namespace": { "type": "string" },
            "tail": { "type": "integer", "minimum": 0 },
            "ratio": { "type": "number" },
            "previous": { "type": "boolean" },
            "command": { "type": "array", "items": { "type": "string" } },
            "ports": { "type": "array", "items": { "type": "integer" } },
            "labels": { "type": "object" },
            "output": { "type": "string", "enum": ["table", "yaml"] },
            "anything": {}
          },
          "required": ["name"]
        }
        """);

    private static JsonObject Bind(params string[] pairs) => ToolArgumentBinder.Bind(Tool, pairs);

    [Fact]
    public void Pairs_AreConvertedByTheSchemaType()
    {
        var args = Bind("name=web-1", "tail=50", "ratio=0.5", "previous=true", "labels={\"app\":\"web\"}", "output=yaml");

        Assert.Equal("""{"name":"web-1","tail":50,"ratio":0.5,"previous":true,"labels":{"app":"web"},"output":"yaml"}""", args.ToJsonString());
    }

    [Fact]
    public void Pairs_StringsStayTextEvenWhenTheyLookLikeNumbers()
    {
        var args = Bind("name=007", "namespace=true");

        Assert.Equal("007", args["name"]!.GetValue<string>());
        Assert.Equal("true", args["namespace"]!.GetValue<string>());
    }

    [Fact]
    public void Pairs_ValueKeepsEverythingAfterTheFirstEquals()
    {
        Assert.Equal("a=b,c", Bind("name=a=b,c")["name"]!.GetValue<string>());
    }

    [Fact]
    public void Pairs_BareBooleanMeansTrue()
    {
        Assert.True(Bind("name=x", "previous")["previous"]!.GetValue<bool>());
    }

    [Fact]
    public void Pairs_ArraysFromRepetitionOrJson()
    {
        var repeated = Bind("name=x", "command=ls", "command=-l", "ports=80", "ports=443");
        var json = Bind("name=x", """command=["sh","-c","echo a,b"]""");

        Assert.Equal("""["ls","-l"]""", repeated["command"]!.ToJsonString());
        Assert.Equal("[80,443]", repeated["ports"]!.ToJsonString());
        Assert.Equal("""["sh","-c","echo a,b"]""", json["command"]!.ToJsonString());
    }

    [Fact]
    public void Pairs_UntypedParameterTakesJsonOrText()
    {
        Assert.Equal("12", Bind("name=x", "anything=12")["anything"]!.ToJsonString());
        Assert.Equal("\"plain words\"", Bind("name=x", "anything=plain words")["anything"]!.ToJsonString());
    }

    [Fact]
    public void Sources_PairsOverrideInlineJsonWhichOverridesTheFile()
    {
        var args = ToolArgumentBinder.Bind(Tool, ["tail=3", "command=date"],
            json: """{"namespace": "inline", "tail": 2}""",
            fileJson: """{"name": "from-file", "namespace": "file", "tail": 1, "command": ["a", "b"]}""");

        Assert.Equal("""{"name":"from-file","namespace":"inline","tail":3,"command":["date"]}""", args.ToJsonString());
    }

    [Fact]
    public void Sources_FileMayHaveCommentsAndTrailingCommas()
    {
        var args = ToolArgumentBinder.Bind(Tool, [], fileJson: "{ // the pod\n \"name\": \"web\", }");

        Assert.Equal("web", args["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("tail=abc", "tail: must be an integer, but got the string \"abc\".")]
    [InlineData("tail=-1", "tail: must be at least 0")]
    [InlineData("previous=maybe", "previous: must be a boolean")]
    [InlineData("output=json", "output: must be one of \"table\", \"yaml\"")]
    [InlineData("labels=app=web", "labels: must be JSON (object), but the value is not valid JSON")]
    [InlineData("tail", "tail: has no value; write --arg tail=VALUE.")]
    [InlineData("=x", "has no parameter name")]
    [InlineData("pod=web", "pod: is not a parameter of pods_exec. Did you mean 'name'?")]
    public void Invalid_PairsAreRejectedBeforeSending(string pair, string message)
    {
        var ex = Assert.Throws<InvalidToolArgumentsException>(() => Bind("name=x", pair));

        Assert.Contains(message, ex.Message);
        Assert.Equal("pods_exec", ex.ToolName);
        Assert.Same(Tool.InputSchema, ex.InputSchema);
    }

    [Fact]
    public void Invalid_MissingRequiredParameterIsNamed()
    {
        var ex = Assert.Throws<InvalidToolArgumentsException>(() => Bind("tail=5"));

        Assert.Equal("name", Assert.Single(ex.Errors).Argument);
        Assert.Contains("name: is required but was not given.", ex.Message);
    }

    [Theory]
    [InlineData("{\"name\": ", "--args-json: is not valid JSON")]
    [InlineData("[1, 2]", "--args-json: must be a JSON object like {\"name\": \"value\"}, but it is an array.")]
    [InlineData("\"web\"", "but it is a string")]
    [InlineData("null", "but it is null")]
    [InlineData("", "--args-json: is not valid JSON")]
    public void Invalid_MalformedInlineJson(string json, string message)
    {
        var ex = Assert.Throws<InvalidToolArgumentsException>(() => ToolArgumentBinder.Bind(Tool, ["name=x"], json: json));

        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Invalid_MalformedFileIsNamedAsTheFile()
    {
        var ex = Assert.Throws<InvalidToolArgumentsException>(() => ToolArgumentBinder.Bind(Tool, [], fileJson: "name: web"));

        Assert.Contains("--args-file: is not valid JSON", ex.Message);
    }

    [Fact]
    public void Invalid_EveryProblemIsListed()
    {
        var ex = Assert.Throws<InvalidToolArgumentsException>(() => Bind("tail=x", "ratio=y", "nme=z"));

        Assert.Equal(["tail", "ratio", "nme", "name"], ex.Errors.Select(e => e.Argument));
    }
}
