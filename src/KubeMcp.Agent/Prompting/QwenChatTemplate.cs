using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.ToolCalling;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Prompting;

/// <summary>
/// Renders a conversation and its tools as Qwen3 ChatML text for servers that take a raw prompt (Triton's generate
/// endpoint), and reads such text back.
/// </summary>
/// <remarks>
/// Format: <c>&lt;|im_start|&gt;role\n…&lt;|im_end|&gt;</c> turns; tools as one JSON line each inside
/// <c>&lt;tools&gt;&lt;/tools&gt;</c> in the system turn; assistant calls as <c>&lt;tool_call&gt;</c> blocks; results in a
/// user turn as <c>&lt;tool_response&gt;</c> blocks (consecutive results share one turn); the prompt ends by opening the
/// assistant turn. Reasoning from earlier turns is not replayed, as the model's own template does.
/// </remarks>
public static class QwenChatTemplate
{
    /// <summary>Ends every turn; also the stop sequence for generation.</summary>
    public const string EndOfTurn = "<|im_end|>";

    private const string StartOfTurn = "<|im_start|>";

    /// <summary>Renders the prompt.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="tools">Tools to declare (function declarations); others are skipped.</param>
    /// <param name="disableThinking">Pre-fill an empty <c>&lt;think&gt;</c> block so a thinking model answers directly.</param>
    public static string Render(IEnumerable<ChatMessage> messages, IEnumerable<AITool>? tools = null, bool disableThinking = false)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToList();
        var declarations = tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        var sb = new StringBuilder();

        var index = 0;
        if (list.Count > 0 && list[0].Role == ChatRole.System)
        {
            AppendSystem(sb, list[0].Text, declarations);
            index = 1;
        }
        else if (declarations.Count > 0)
        {
            AppendSystem(sb, null, declarations);
        }

        for (; index < list.Count; index++)
        {
            var message = list[index];
            if (IsToolResults(message))
            {
                var results = new List<FunctionResultContent>();
                while (index < list.Count && IsToolResults(list[index]))
                {
                    results.AddRange(list[index].Contents.OfType<FunctionResultContent>());
                    index++;
                }

                index--;
                sb.Append(StartOfTurn).Append("user\n").Append(ToolResponses(results)).Append(EndOfTurn).Append('\n');
            }
            else if (message.Role == ChatRole.Assistant)
            {
                AppendAssistant(sb, message);
            }
            else
            {
                sb.Append(StartOfTurn).Append(message.Role.Value).Append('\n').Append(message.Text).Append(EndOfTurn).Append('\n');
            }
        }

        sb.Append(StartOfTurn).Append("assistant\n");
        if (disableThinking)
        {
            sb.Append("<think>\n\n</think>\n\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Reads rendered text back into messages and tool declarations. Call ids, lost in the format, are numbered
    /// <c>call_1</c>, <c>call_2</c>, … in order, and each result is matched to the preceding turn's calls.
    /// </summary>
    public static (IReadOnlyList<ChatMessage> Messages, IReadOnlyList<AIFunctionDeclaration> Tools) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var messages = new List<ChatMessage>();
        var tools = new List<AIFunctionDeclaration>();
        var callNumber = 0;
        var pendingCalls = new Queue<string>();

        foreach (var raw in text.Split(StartOfTurn).Skip(1))
        {
            var newline = raw.IndexOf('\n');
            var role = newline < 0 ? raw : raw[..newline];
            var end = raw.IndexOf(EndOfTurn, StringComparison.Ordinal);
            if (end < 0)
            {
                continue; // the open generation prompt
            }

            var body = raw[(newline + 1)..end];
            switch (role)
            {
                case "system":
                    var toolsAt = body.IndexOf("\n\n# Tools\n", StringComparison.Ordinal);
                    var toolsOnly = body.StartsWith("# Tools\n", StringComparison.Ordinal);
                    if (toolsAt >= 0 || toolsOnly)
                    {
                        tools.AddRange(ParseTools(body));
                        body = toolsOnly ? "" : body[..toolsAt];
                    }

                    if (!toolsOnly)
                    {
                        messages.Add(new ChatMessage(ChatRole.System, body));
                    }

                    break;
                case "assistant":
                    var parsed = ToolCallParser.Parse(body);
                    var contents = new List<AIContent>();
                    if (parsed.Content.Length > 0)
                    {
                        contents.Add(new TextContent(parsed.Content));
                    }

                    foreach (var call in parsed.Calls)
                    {
                        var id = $"call_{++callNumber}";
                        pendingCalls.Enqueue(id);
                        contents.Add(new FunctionCallContent(id, call.Name, FunctionCallArguments.ToDictionary(call.Arguments)));
                    }

                    messages.Add(new ChatMessage(ChatRole.Assistant, contents));
                    break;
                case "user" when body.TrimStart().StartsWith("<tool_response>", StringComparison.Ordinal):
                    foreach (var response in body.Split("<tool_response>").Skip(1))
                    {
                        var close = response.LastIndexOf("</tool_response>", StringComparison.Ordinal);
                        var resultText = (close < 0 ? response : response[..close]).Trim('\n');
                        var id = pendingCalls.Count > 0 ? pendingCalls.Dequeue() : $"call_{++callNumber}";
                        messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(id, resultText)]));
                    }

                    break;
                default:
                    messages.Add(new ChatMessage(new ChatRole(role), body));
                    break;
            }
        }

        return (messages, tools);
    }

    private static void AppendSystem(StringBuilder sb, string? system, List<AIFunctionDeclaration> tools)
    {
        sb.Append(StartOfTurn).Append("system\n");
        if (!string.IsNullOrEmpty(system))
        {
            sb.Append(system);
            if (tools.Count > 0)
            {
                sb.Append("\n\n");
            }
        }

        if (tools.Count > 0)
        {
            sb.Append(ToolsSection(tools));
        }

        sb.Append(EndOfTurn).Append('\n');
    }

    /// <summary>The system prompt's tool-use section: the declarations and how to call them.</summary>
    internal static string ToolsSection(IEnumerable<AIFunctionDeclaration> tools)
    {
        // The wording follows the tool-use section the Qwen3 template emits, so the model recognises the protocol.
        var sb = new StringBuilder("# Tools\n\nYou may call one or more functions to assist with the user query.\n\n");
        sb.Append("You are provided with function signatures within <tools></tools> XML tags:\n<tools>");
        foreach (var tool in tools)
        {
            var function = new JsonObject
            {
                ["name"] = tool.Name,
                ["description"] = tool.Description,
                ["parameters"] = JsonNode.Parse(tool.JsonSchema.GetRawText()),
            };
            sb.Append('\n').Append(QwenJson.Serialize(new JsonObject { ["type"] = "function", ["function"] = function }));
        }

        sb.Append("\n</tools>\n\nFor each function call, return a json object with function name and arguments ");
        sb.Append("within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call>");
        return sb.ToString();
    }

    private static void AppendAssistant(StringBuilder sb, ChatMessage message)
    {
        sb.Append(StartOfTurn).Append("assistant\n").Append(AssistantText(message)).Append(EndOfTurn).Append('\n');
    }

    /// <summary>An assistant turn's text with its calls written as <c>&lt;tool_call&gt;</c> blocks.</summary>
    internal static string AssistantText(ChatMessage message)
    {
        var sb = new StringBuilder();
        var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text)).Trim();
        sb.Append(text);
        var first = true;
        foreach (var call in message.Contents.OfType<FunctionCallContent>())
        {
            if (text.Length > 0 || !first)
            {
                sb.Append('\n');
            }

            first = false;
            var payload = new JsonObject
            {
                ["name"] = call.Name,
                ["arguments"] = FunctionCallArguments.ToJsonObject(call.Arguments),
            };
            sb.Append("<tool_call>\n").Append(QwenJson.Serialize(payload)).Append("\n</tool_call>");
        }

        return sb.ToString();
    }

    /// <summary>Tool results as the body of one user turn of <c>&lt;tool_response&gt;</c> blocks.</summary>
    internal static string ToolResponses(IEnumerable<FunctionResultContent> results) =>
        string.Join('\n', results.Select(r => "<tool_response>\n" + FunctionCallArguments.ResultText(r.Result) + "\n</tool_response>"));

    internal static bool IsToolResults(ChatMessage message) =>
        message.Contents.Count > 0 && message.Contents.All(c => c is FunctionResultContent);

    private static IEnumerable<AIFunctionDeclaration> ParseTools(string system)
    {
        // The block's tags stand on lines of their own; the instructions above it mention "<tools></tools>" inline.
        var start = system.IndexOf("\n<tools>\n", StringComparison.Ordinal);
        var end = start < 0 ? -1 : system.IndexOf("\n</tools>", start + 1, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            yield break;
        }

        foreach (var line in system[(start + "\n<tools>".Length)..end].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (JsonNode.Parse(line)?["function"] is JsonObject fn && fn["name"]?.GetValue<string>() is { } name)
            {
                var schema = JsonSerializer.SerializeToElement(fn["parameters"] ?? new JsonObject(), AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonNode)));
                yield return AIFunctionFactory.CreateDeclaration(name, fn["description"]?.GetValue<string>() ?? "", schema);
            }
        }
    }
}
