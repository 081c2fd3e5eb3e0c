using System.Text.Json.Nodes;
using KubeMcp.Cli.Evaluation.Scripted;

namespace KubeMcp.IntegrationTests.Agent;

/// <summary>Builds recorded model replies: OpenAI native tool calls and Qwen <c>&lt;tool_call&gt;</c> text.</summary>
internal static class ModelReplies
{
    /// <summary>Queues an OpenAI reply asking for <paramref name="calls"/> (tool name, arguments as JSON).</summary>
    public static ScriptedModelServer Calls(this ScriptedModelServer server, params (string Tool, string Arguments)[] calls)
    {
        var toolCalls = new JsonArray();
        var i = 0;
        foreach (var (tool, arguments) in calls)
        {
            toolCalls.Add(new JsonObject
            {
                ["id"] = $"call_{server.Requests.Count}_{i++}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = tool, ["arguments"] = arguments },
            });
        }

        return server.ReplyOpenAI(new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = toolCalls });
    }

    /// <summary>Queues an OpenAI reply with text only (a final answer).</summary>
    public static ScriptedModelServer Answer(this ScriptedModelServer server, string text) =>
        server.ReplyOpenAI(new JsonObject { ["role"] = "assistant", ["content"] = text });

    /// <summary>A Qwen tool call block.</summary>
    public static string Qwen(string tool, string arguments) =>
        $"<tool_call>\n{{\"name\": \"{tool}\", \"arguments\": {arguments}}}\n</tool_call>";

    /// <summary>The messages array of the <paramref name="index"/>th chat completions request.</summary>
    public static JsonArray Messages(this ScriptedModelServer server, int index) =>
        server.Requests.ElementAt(index).Json["messages"]!.AsArray();

    /// <summary>The Qwen prompt text of the <paramref name="index"/>th Triton generate request.</summary>
    public static string Prompt(this ScriptedModelServer server, int index) =>
        server.Requests.Where(r => r.Path.Contains("/generate", StringComparison.Ordinal)).ElementAt(index).Json["text_input"]!.GetValue<string>();
}
