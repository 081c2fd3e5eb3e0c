using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KubeMcp.Cli.Evaluation.Scripted;

/// <summary>
/// A task's recorded model replies (<c>script.jsonl</c>), one JSON object per line, served in order by the
/// <see cref="ScriptedModelServer"/> as OpenAI chat completions:
/// <code>
/// {"tool_calls": [{"name": "pods_list_in_namespace", "arguments": {"namespace": "web"}}]}
/// {"content": "The pod crashes because DATABASE_URL is not set.", "usage": {"prompt_tokens": 900, "completion_tokens": 40}}
/// </code>
/// Blank lines and lines starting with <c>#</c> are skipped. Text may hold placeholders filled in when the reply is
/// served: <c>{{pod:NAMESPACE:SELECTOR}}</c> (the name of the oldest live pod matching a label selector, since
/// generated pod names differ between runs) and <c>{{taskDir}}</c>. Without usage, tokens are counted as a quarter
/// of the characters of the request and of the reply.
/// </summary>
internal sealed partial class ModelScript
{
    private ModelScript(IReadOnlyList<ScriptedTurn> turns)
    {
        Turns = turns;
    }

    public IReadOnlyList<ScriptedTurn> Turns { get; }

    public static ModelScript Load(string path) => Parse(File.ReadAllText(path), path);

    /// <exception cref="FormatException">A line is not a reply; the message names the line.</exception>
    public static ModelScript Parse(string text, string source)
    {
        var turns = new List<ScriptedTurn>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            try
            {
                turns.Add(ParseTurn(line));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new FormatException($"{source} line {i + 1}: {e.Message}", e);
            }
        }
        return turns.Count > 0 ? new ModelScript(turns) : throw new FormatException($"{source}: holds no replies");
    }

    /// <summary>Queues every reply on <paramref name="server"/>; <paramref name="resolve"/> fills in placeholders.</summary>
    public void QueueOn(ScriptedModelServer server, Func<string, CancellationToken, Task<string>> resolve)
    {
        var index = 0;
        foreach (var turn in Turns)
        {
            var n = index++;
            server.Reply(async (request, ct) => (await BuildAsync(turn, n, server.ModelName, request, resolve, ct).ConfigureAwait(false)).ToJsonString());
        }
    }

    /// <summary>Whether <paramref name="text"/> holds placeholders.</summary>
    public static bool HasPlaceholders(string text) => Placeholder().IsMatch(text);

    /// <summary>Replaces every placeholder with what <paramref name="value"/> returns for its name and argument.</summary>
    public static async Task<string> ReplaceAsync(string text, Func<string, string, Task<string>> value)
    {
        var result = text;
        foreach (Match m in Placeholder().Matches(text))
        {
            result = result.Replace(m.Value, await value(m.Groups["name"].Value, m.Groups["arg"].Value).ConfigureAwait(false), StringComparison.Ordinal);
        }
        return result;
    }

    private static async Task<JsonObject> BuildAsync(
        ScriptedTurn turn, int index, string model, RecordedRequest request, Func<string, CancellationToken, Task<string>> resolve, CancellationToken ct)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = turn.Content is null ? null : await resolve(turn.Content, ct).ConfigureAwait(false) };
        if (turn.Calls.Count > 0)
        {
            var calls = new JsonArray();
            for (var i = 0; i < turn.Calls.Count; i++)
            {
                calls.Add(new JsonObject
                {
                    ["id"] = $"call_{index}_{i}",
                    ["type"] = "function",
                    ["function"] = new JsonObject
                    {
                        ["name"] = turn.Calls[i].Name,
                        ["arguments"] = (await ResolveAsync(turn.Calls[i].Arguments, resolve, ct).ConfigureAwait(false))!.ToJsonString(),
                    },
                });
            }
            message["tool_calls"] = calls;
        }
        var completion = turn.CompletionTokens ?? Math.Max(1, message.ToJsonString().Length / 4);
        var prompt = turn.PromptTokens ?? Math.Max(1, request.Body.Length / 4);
        return new JsonObject
        {
            ["id"] = $"chatcmpl-script-{index}",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["finish_reason"] = turn.Calls.Count > 0 ? "tool_calls" : "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion },
        };
    }

    /// <summary>A copy of <paramref name="node"/> with the placeholders in its strings filled in.</summary>
    private static async Task<JsonNode?> ResolveAsync(JsonNode? node, Func<string, CancellationToken, Task<string>> resolve, CancellationToken ct)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = await ResolveAsync(value, resolve, ct).ConfigureAwait(false);
                }
                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(await ResolveAsync(item, resolve, ct).ConfigureAwait(false));
                }
                return items;
            case JsonValue v when v.TryGetValue<string>(out var s) && HasPlaceholders(s):
                return JsonValue.Create(await resolve(s, ct).ConfigureAwait(false));
            default:
                return node?.DeepClone();
        }
    }

    private static ScriptedTurn ParseTurn(string line)
    {
        if (JsonNode.Parse(line) is not JsonObject obj)
        {
            throw new FormatException("each line must be a JSON object with content and/or tool_calls");
        }
        foreach (var key in obj.Select(p => p.Key))
        {
            if (key is not ("content" or "tool_calls" or "usage"))
            {
                throw new FormatException($"unknown key '{key}'; a reply has content, tool_calls and usage");
            }
        }
        var content = obj["content"] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => throw new FormatException("content must be a string"),
        };
        var calls = new List<ScriptedCall>();
        if (obj["tool_calls"] is { } toolCalls)
        {
            if (toolCalls is not JsonArray array)
            {
                throw new FormatException("tool_calls must be an array of {name, arguments}");
            }
            foreach (var item in array)
            {
                if (item is not JsonObject call || call["name"] is not JsonValue name || !name.TryGetValue<string>(out var toolName) || toolName.Length == 0)
                {
                    throw new FormatException("each tool call needs a name");
                }
                var arguments = call["arguments"] switch
                {
                    null => new JsonObject(),
                    JsonObject o => (JsonObject)o.DeepClone(),
                    _ => throw new FormatException($"the arguments of {toolName} must be a JSON object"),
                };
                calls.Add(new ScriptedCall(toolName, arguments));
            }
        }
        if (content is null && calls.Count == 0)
        {
            throw new FormatException("a reply needs content or tool_calls");
        }
        var usage = obj["usage"] as JsonObject;
        return new ScriptedTurn(content, calls, Tokens(usage, "prompt_tokens"), Tokens(usage, "completion_tokens"));
    }

    private static int? Tokens(JsonObject? usage, string key) =>
        usage?[key] is JsonValue v ? v.TryGetValue<int>(out var n) && n >= 0 ? n : throw new FormatException($"usage.{key} must be a whole number") : null;

    [GeneratedRegex(@"\{\{(?<name>[a-zA-Z]+)(?::(?<arg>[^}]*))?\}\}")]
    private static partial Regex Placeholder();
}
