using System.Text.Json;
using KubeMcp.Server.Tools;

namespace KubeMcp.Tests.Server.Tools;

public sealed class ToolArgumentsTests
{
    private static readonly ToolParameter[] Parameters =
    [
        ToolParameter.String("name", "the name", required: true),
        ToolParameter.Integer("tail", "lines"),
        ToolParameter.Boolean("previous", "previous run"),
        new("command", "array", "argv"),
        new("values", "object", "values"),
        new("port", "number", "port"),
    ];

    private static ToolArguments Parse(string json) =>
        ToolArguments.Parse(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json), Parameters);

    [Fact]
    public void Parse_MissingRequiredArgumentNamesIt()
    {
        var e = Assert.Throws<ToolArgumentException>(() => Parse("""{"tail": 5}"""));

        Assert.Equal("name", e.Argument);
        Assert.Equal("invalid argument 'name': is required (the name)", e.Message);
    }

    [Fact]
    public void Parse_NullCountsAsAbsent()
    {
        var e = Assert.Throws<ToolArgumentException>(() => Parse("""{"name": null}"""));

        Assert.Equal("name", e.Argument);
    }

    [Theory]
    [InlineData("""{"name": 5}""", "name", "must be a string, got a number")]
    [InlineData("""{"name": "x", "tail": "many"}""", "tail", "must be a whole number, got a string")]
    [InlineData("""{"name": "x", "tail": 2.5}""", "tail", "must be a whole number")]
    [InlineData("""{"name": "x", "previous": "perhaps"}""", "previous", "must be true or false")]
    [InlineData("""{"name": "x", "command": "ls -l"}""", "command", "must be an array of strings")]
    [InlineData("""{"name": "x", "command": ["ls", 1]}""", "command", "must be an array of strings")]
    [InlineData("""{"name": "x", "values": [1]}""", "values", "must be a JSON object, got an array")]
    [InlineData("""{"name": "x", "port": true}""", "port", "must be a number, got a boolean")]
    public void Parse_WrongTypeNamesTheArgumentAndWhy(string json, string argument, string problem)
    {
        var e = Assert.Throws<ToolArgumentException>(() => Parse(json));

        Assert.Equal(argument, e.Argument);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Parse_AcceptsUnambiguousStringForms()
    {
        var args = Parse("""{"name": " web ", "tail": "20", "previous": "true", "port": "8080"}""");

        Assert.Equal("web", args.String("name"));
        Assert.Equal(20, args.Long("tail"));
        Assert.True(args.Bool("previous"));
        Assert.Equal(8080, args.Double("port"));
    }

    [Fact]
    public void String_BlankIsAbsent()
    {
        var args = Parse("""{"name": "x", "command": ["a"], "values": {"k": 1}}""");

        Assert.Null(args.String("missing"));
        Assert.Equal(["a"], args.StringArray("command"));
        Assert.Equal(1, args.Object("values")!["k"]!.GetValue<int>());
        Assert.Throws<ToolArgumentException>(() => args.RequiredString("missing"));
    }
}
