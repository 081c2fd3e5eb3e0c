using System.Text.Json.Nodes;
using KubeMcp.Agent.ToolCalling;
using KubeMcp.Agent.Tools;
using KubeMcp.Tests.Agent.Fakes;

namespace KubeMcp.Tests.Agent.ToolCalling;

public sealed class ToolArgumentValidatorTests
{
    private static readonly ToolDescriptor Tool = ToolDescriptor.Create("pods_log", "Get logs.", """
        {"type": "object",
         "properties": {
           "name": {"type": "string", "description": "Pod name"},
           "namespace": {"type": "string"},
           "tail": {"type": "integer", "minimum": 1, "maximum": 10000},
           "previous": {"type": "boolean"},
           "level": {"type": "string", "enum": ["info", "warn", "error"]},
           "selector": {"type": ["string", "null"]},
           "command": {"type": "array", "items": {"type": "string"}},
           "resource": {"type": "object"}
         },
         "required": ["name"]}
        """);

    private static ArgumentValidationResult Validate(string json) => ToolArgumentValidator.Validate(Tool, (JsonObject)JsonNode.Parse(json)!);

    [Fact]
    public void Validate_AcceptsValidArgumentsUnchanged()
    {
        var result = Validate("""{"name": "web-1", "namespace": "prod", "tail": 50, "previous": true, "level": "warn", "command": ["ls"], "resource": {"a": {"b": 1}}}""");

        Assert.True(result.IsValid);
        Assert.Equal("""{"name":"web-1","namespace":"prod","tail":50,"previous":true,"level":"warn","command":["ls"],"resource":{"a":{"b":1}}}""", result.Arguments.ToJsonString());
    }

    [Fact]
    public void Validate_ReportsAMissingRequiredArgumentWithItsSchema()
    {
        var result = Validate("""{"namespace": "prod"}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("name", error.Argument);
        Assert.Contains("required", error.Problem);
        Assert.Contains("Pod name", error.Schema);
        Assert.Contains("'name': is required", result.FormatForModel("pods_log"));
        Assert.StartsWith("The arguments for 'pods_log' are invalid", result.FormatForModel("pods_log"));
    }

    [Theory]
    [InlineData("""{"name": "a", "tail": "fifty"}""", "tail", "must be an integer, but got the string \"fifty\"")]
    [InlineData("""{"name": "a", "tail": 2.5}""", "tail", "must be an integer")]
    [InlineData("""{"name": "a", "previous": "maybe"}""", "previous", "must be a boolean")]
    [InlineData("""{"name": "a", "level": "debug"}""", "level", "must be one of \"info\", \"warn\", \"error\"")]
    [InlineData("""{"name": "a", "tail": 0}""", "tail", "must be at least 1")]
    [InlineData("""{"name": "a", "tail": 20000}""", "tail", "must be at most 10000")]
    [InlineData("""{"name": {"first": "a"}}""", "name", "must be a string, but got an object")]
    [InlineData("""{"name": "a", "command": [1, {"x": 1}]}""", "command[1]", "must be a string")]
    [InlineData("""{"name": "a", "resource": "kind: Pod"}""", "resource", "must be an object")]
    public void Validate_ExplainsWhichArgumentIsWrongAndWhy(string json, string argument, string problem)
    {
        var result = Validate(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal(argument, error.Argument);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Validate_RejectsUnknownParametersAndSuggestsTheClosest()
    {
        var result = Validate("""{"name": "a", "namspace": "prod", "zzz": 1}""");

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("Did you mean 'namespace'?", result.Errors[0].Problem);
        Assert.Contains("name (required)", result.Errors[1].Problem);
        Assert.DoesNotContain("Did you mean", result.Errors[1].Problem);
    }

    [Fact]
    public void Validate_FixesSlipsWithOneObviousMeaning()
    {
        var result = Validate("""{"name": 42, "tail": "50", "previous": "true", "namespace": null, "command": "ls", "selector": null}""");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("""{"name":"42","tail":50,"previous":true,"command":["ls"],"selector":null}""", result.Arguments.ToJsonString());
    }

    [Fact]
    public void Validate_RequiredArgumentGivenAsNullIsMissing()
    {
        Assert.Equal("name", Assert.Single(Validate("""{"name": null}""").Errors).Argument);
    }

    [Fact]
    public void Validate_ToolWithoutParametersRejectsAnyArgument()
    {
        var result = ToolArgumentValidator.Validate(KubeTools.NamespacesList, new JsonObject { ["namespace"] = "x" });

        Assert.Contains("takes no arguments", Assert.Single(result.Errors).Problem);
        Assert.True(ToolArgumentValidator.Validate(KubeTools.NamespacesList, []).IsValid);
    }

    [Fact]
    public void Validate_AnyOfAcceptsAnAlternative()
    {
        var tool = ToolDescriptor.Create("t", "", """{"type":"object","properties":{"v":{"anyOf":[{"type":"integer"},{"type":"string","enum":["all"]}]}}}""");

        Assert.True(ToolArgumentValidator.Validate(tool, new JsonObject { ["v"] = 3 }).IsValid);
        Assert.True(ToolArgumentValidator.Validate(tool, new JsonObject { ["v"] = "all" }).IsValid);
        Assert.Contains("none of the allowed shapes", Assert.Single(ToolArgumentValidator.Validate(tool, new JsonObject { ["v"] = "some" }).Errors).Problem);
    }

    [Fact]
    public void Validate_ExplicitAdditionalPropertiesAllowsExtras()
    {
        var tool = ToolDescriptor.Create("t", "", """{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":true}""");

        Assert.True(ToolArgumentValidator.Validate(tool, new JsonObject { ["b"] = 1 }).IsValid);
    }

    [Fact]
    public void Validate_DoesNotModifyTheInput()
    {
        var input = (JsonObject)JsonNode.Parse("""{"name": "a", "tail": "5"}""")!;

        ToolArgumentValidator.Validate(Tool, input);

        Assert.Equal("""{"name":"a","tail":"5"}""", input.ToJsonString());
    }
}
