using System.Text.Json.Nodes;
using KubeMcp.Agent.ToolCalling;

namespace KubeMcp.Tests.Agent.ToolCalling;

public sealed class ToolCallParserTests
{
    private static readonly string[] Known = ["pods_list", "pods_log", "pods_get"];

    [Fact]
    public void Parse_ReadsOneWellFormedCall()
    {
        var result = ToolCallParser.Parse("""<tool_call>{"name": "pods_log", "arguments": {"name": "app-xyz", "namespace": "production", "tail": 50}}</tool_call>""");

        var call = Assert.Single(result.Calls);
        Assert.Equal("pods_log", call.Name);
        Assert.Equal("app-xyz", call.Arguments["name"]!.GetValue<string>());
        Assert.Equal(50, call.Arguments["tail"]!.GetValue<long>());
        Assert.Empty(result.Errors);
        Assert.Equal("", result.Content);
    }

    [Fact]
    public void Parse_ReadsSeveralCallsInOrderAndKeepsTheProse()
    {
        var text = """
            Let me look at the pods first.
            <tool_call>
            {"name": "pods_list", "arguments": {"namespace": "production"}}
            </tool_call>
            <tool_call>
            {"name": "pods_get", "arguments": {"name": "web-1"}}
            </tool_call>
            """;

        var result = ToolCallParser.Parse(text);

        Assert.Equal(["pods_list", "pods_get"], result.Calls.Select(c => c.Name));
        Assert.Equal("Let me look at the pods first.", result.Content);
    }

    [Fact]
    public void Parse_StripsThinkBlocksAndIgnoresCallsInsideThem()
    {
        var text = """
            <think>I could call <tool_call>{"name": "pods_delete", "arguments": {}}</tool_call> but first I should list.</think>
            <tool_call>{"name": "pods_list", "arguments": {}}</tool_call>
            """;

        var result = ToolCallParser.Parse(text);

        Assert.Equal("pods_list", Assert.Single(result.Calls).Name);
        Assert.Contains("first I should list", result.Reasoning);
    }

    [Fact]
    public void Parse_TreatsTextBeforeALoneClosingThinkTagAsReasoning()
    {
        // The Qwen3 template may open <think> in the prompt, so the reply starts inside the block.
        var result = ToolCallParser.Parse("the user wants pods</think>\n\nHere are the pods.");

        Assert.Equal("the user wants pods", result.Reasoning);
        Assert.Equal("Here are the pods.", result.Content);
        Assert.Empty(result.Calls);
    }

    [Fact]
    public void Parse_UnclosedThinkFollowedByACallStillReadsTheCall()
    {
        var result = ToolCallParser.Parse("<think>need the logs\n<tool_call>{\"name\": \"pods_log\", \"arguments\": {\"name\": \"a\"}}</tool_call>");

        Assert.Equal("pods_log", Assert.Single(result.Calls).Name);
        Assert.Equal("need the logs", result.Reasoning);
    }

    [Theory]
    [InlineData("<tool_call>\n```json\n{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"prod\"}}\n```\n</tool_call>")]
    [InlineData("<tool_call>{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"prod\"}} I will now wait for the result.</tool_call>")]
    [InlineData("<tool_call>{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"prod\"}}")]
    [InlineData("<tool_call>{'name': 'pods_list', 'arguments': {'namespace': 'prod'}}</tool_call>")]
    [InlineData("<tool_call>{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"prod\",},}</tool_call>")]
    [InlineData("<tool_call>{\"name\": \"pods_list\", \"arguments\": \"{\\\"namespace\\\": \\\"prod\\\"}\"}</tool_call>")]
    [InlineData("<tool_call>{name: pods_list, arguments: {namespace: prod}}</tool_call>")]
    [InlineData("<tool_call>{\"name\": \"pods_list\", \"parameters\": {\"namespace\": \"prod\"}}</tool_call>")]
    [InlineData("<tool_call>{\"type\": \"function\", \"function\": {\"name\": \"pods_list\", \"arguments\": \"{\\\"namespace\\\": \\\"prod\\\"}\"}}</tool_call>")]
    [InlineData("<TOOL_CALL>{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"prod\"}}</TOOL_CALL>")]
    [InlineData("<tool_call>{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"prod\"  // the prod one\n}}</tool_call>")]
    [InlineData("<tool_call>{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"prod\"")]
    [InlineData("{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"prod\"}}</tool_call>")]
    public void Parse_RecoversTheCallFromMalformedShapes(string text)
    {
        var result = ToolCallParser.Parse(text);

        var call = Assert.Single(result.Calls);
        Assert.Equal("pods_list", call.Name);
        Assert.Equal("prod", call.Arguments["namespace"]!.GetValue<string>());
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_ReadsAnArrayOfCallsInOneBlock()
    {
        var result = ToolCallParser.Parse("""<tool_call>[{"name": "pods_list", "arguments": {}}, {"name": "pods_get", "arguments": {"name": "x"}}]</tool_call>""");

        Assert.Equal(["pods_list", "pods_get"], result.Calls.Select(c => c.Name));
    }

    [Fact]
    public void Parse_ReadsPythonLiteralsAndMissingArgumentsAsEmpty()
    {
        var result = ToolCallParser.Parse("""<tool_call>{"name": "pods_log", "arguments": {"name": "a", "previous": True, "container": None}}</tool_call><tool_call>{"name": "pods_list"}</tool_call>""");

        Assert.Equal(2, result.Calls.Count);
        Assert.True(result.Calls[0].Arguments["previous"]!.GetValue<bool>());
        Assert.True(result.Calls[0].Arguments.ContainsKey("container"));
        Assert.Null(result.Calls[0].Arguments["container"]);
        Assert.Empty(result.Calls[1].Arguments);
    }

    [Theory]
    [InlineData("<tool_call>I want to list the pods please</tool_call>", "no JSON object")]
    [InlineData("<tool_call>{\"arguments\": {\"namespace\": \"prod\"}}</tool_call>", "no \"name\"")]
    [InlineData("<tool_call>{\"name\": \"pods_list\", \"arguments\": [1, 2]}</tool_call>", "must be a JSON object")]
    [InlineData("<tool_call>{\"name\": \"pods_list\", \"arguments\": \"namespace=prod\"}</tool_call>", "not a JSON object")]
    [InlineData("<tool_call>{: :}</tool_call>", "could not be read")]
    [InlineData("<tool_call>[]</tool_call>", "empty list")]
    public void Parse_ReportsGarbageAsAnErrorInsteadOfACall(string text, string expected)
    {
        var result = ToolCallParser.Parse(text);

        Assert.Empty(result.Calls);
        Assert.Contains(expected, Assert.Single(result.Errors));
        Assert.Contains("<tool_call>{\"name\"", result.FeedbackForModel());
    }

    [Fact]
    public void Parse_KeepsGoodCallsWhenAnotherBlockIsBroken()
    {
        var result = ToolCallParser.Parse("""<tool_call>{"name": "pods_list", "arguments": {}}</tool_call><tool_call>oops</tool_call>""");

        Assert.Equal("pods_list", Assert.Single(result.Calls).Name);
        Assert.StartsWith("Tool call 2:", Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_PlainAnswerHasNoCallsAndNoErrors()
    {
        var result = ToolCallParser.Parse("All 4 pods are running. Nothing to do.", Known);

        Assert.Empty(result.Calls);
        Assert.Empty(result.Errors);
        Assert.Null(result.FeedbackForModel());
        Assert.Equal("All 4 pods are running. Nothing to do.", result.Content);
    }

    [Theory]
    [InlineData("{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"prod\"}}")]
    [InlineData("```json\n{\"name\": \"pods_list\", \"arguments\": {\"namespace\": \"prod\"}}\n```")]
    [InlineData("{\"pods_list\": {\"namespace\": \"prod\"}}")]
    public void Parse_ReadsAnUntaggedReplyThatIsOnlyACallToAKnownTool(string text)
    {
        var result = ToolCallParser.Parse(text, Known);

        var call = Assert.Single(result.Calls);
        Assert.Equal("pods_list", call.Name);
        Assert.Equal("", result.Content);
    }

    [Theory]
    [InlineData("{\"name\": \"rm_rf\", \"arguments\": {}}")]
    [InlineData("The pod spec is {\"name\": \"pods_list\", \"arguments\": {}} as you can see.")]
    public void Parse_DoesNotTurnQuotedOrUnknownJsonIntoAnAction(string text)
    {
        var result = ToolCallParser.Parse(text, Known);

        Assert.Empty(result.Calls);
        Assert.Equal(text, result.Content);
    }

    [Fact]
    public void Parse_UntaggedJsonIsIgnoredWithoutACatalog()
    {
        Assert.Empty(ToolCallParser.Parse("{\"name\": \"pods_list\", \"arguments\": {}}").Calls);
    }

    [Fact]
    public void Parse_NullOrEmptyIsEmpty()
    {
        Assert.Empty(ToolCallParser.Parse(null).Calls);
        Assert.Equal("", ToolCallParser.Parse("").Content);
    }

    [Fact]
    public void Parse_DeepNestingIsAnErrorNotACrash()
    {
        var text = "<tool_call>{\"name\": \"x\", \"arguments\": " + new string('[', 5000) + "}</tool_call>";

        var result = ToolCallParser.Parse(text);

        Assert.Empty(result.Calls);
        Assert.Contains("nested too deeply", Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_DecodesEscapesAndUnicode()
    {
        var result = ToolCallParser.Parse("<tool_call>{\"name\": \"pods_exec\", \"arguments\": {\"command\": [\"sh\", \"-c\", \"echo \\\"hi\\\"\\n\\u00e9\"]}}</tool_call>");

        var command = (JsonArray)Assert.Single(result.Calls).Arguments["command"]!;
        Assert.Equal("echo \"hi\"\né", command[2]!.GetValue<string>());
    }
}
