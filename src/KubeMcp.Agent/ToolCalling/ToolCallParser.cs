using System.Text;
using System.Text.Json.Nodes;

namespace KubeMcp.Agent.ToolCalling;

/// <summary>
/// Reads hermes/Qwen-style tool calls (<c>&lt;tool_call&gt;{"name": …, "arguments": {…}}&lt;/tool_call&gt;</c>) out of a
/// model's text reply, forgiving the ways models get the format wrong.
/// </summary>
/// <remarks>
/// Handles several calls per reply, <c>&lt;think&gt;</c> blocks (closed, unclosed, or only the closing tag when the
/// template opened it), code fences and prose around the JSON, a missing closing tag, single quotes, trailing
/// commas, arguments given as a JSON string, <c>parameters</c>/<c>function</c> spellings, and an array of calls in
/// one block. A block that cannot be read yields an error message instead of a call. Never throws.
/// </remarks>
public static class ToolCallParser
{
    private const string OpenTag = "<tool_call>";
    private const string CloseTag = "</tool_call>";
    private const string ThinkOpen = "<think>";
    private const string ThinkClose = "</think>";

    private static readonly string[] ArgumentKeys = ["arguments", "parameters", "args", "input", "params"];

    /// <summary>Parses one reply.</summary>
    /// <param name="text">The model's reply.</param>
    /// <param name="knownTools">
    /// Tool names from the catalog. When given, a reply without tags whose JSON (bare or in a code fence) is shaped
    /// like a call to one of these tools is read as a call, and <c>{"tool_name": {…}}</c> is accepted.
    /// </param>
    public static ToolCallParseResult Parse(string? text, IReadOnlyCollection<string>? knownTools = null)
    {
        text ??= "";
        var (visible, reasoning) = SplitReasoning(text);
        var calls = new List<ParsedToolCall>();
        var errors = new List<string>();
        var content = new StringBuilder();

        var pos = 0;
        var block = 0;
        while (pos < visible.Length)
        {
            var open = IndexOf(visible, OpenTag, pos);
            var strayClose = IndexOf(visible, CloseTag, pos);
            if (strayClose >= 0 && (open < 0 || strayClose < open))
            {
                // `{"name": …}</tool_call>` with the opening tag forgotten: the JSON is the last object before it.
                var segment = visible[pos..strayClose];
                var brace = segment.IndexOf('{');
                if (brace >= 0)
                {
                    content.Append(segment.AsSpan(0, brace));
                    ReadBlock(segment[brace..], ++block, knownTools, calls, errors);
                }
                else
                {
                    content.Append(segment);
                }

                pos = strayClose + CloseTag.Length;
                continue;
            }

            if (open < 0)
            {
                content.Append(visible.AsSpan(pos));
                break;
            }

            content.Append(visible.AsSpan(pos, open - pos));
            var bodyStart = open + OpenTag.Length;
            var close = IndexOf(visible, CloseTag, bodyStart);
            var nextOpen = IndexOf(visible, OpenTag, bodyStart);
            var bodyEnd = Min(close, nextOpen, visible.Length);
            ReadBlock(visible[bodyStart..bodyEnd], ++block, knownTools, calls, errors);
            pos = bodyEnd == close ? close + CloseTag.Length : bodyEnd;
        }

        var remaining = content.ToString().Trim();
        if (block == 0 && knownTools is not null && TryReadUntagged(remaining, knownTools, calls))
        {
            remaining = "";
        }

        return new ToolCallParseResult(calls, remaining, reasoning, errors);
    }

    private static void ReadBlock(
        string body, int block, IReadOnlyCollection<string>? knownTools, List<ParsedToolCall> calls, List<string> errors)
    {
        var start = body.IndexOfAny(['{', '[']);
        if (start < 0)
        {
            errors.Add($"Tool call {block}: no JSON object inside <tool_call>; found \"{Excerpt(body)}\".");
            return;
        }

        if (!LenientJsonReader.TryRead(body, start, out var node, out _, out _, out var error))
        {
            errors.Add($"Tool call {block}: the JSON could not be read ({error}); found \"{Excerpt(body[start..])}\".");
            return;
        }

        var items = node is JsonArray array ? [.. array] : new List<JsonNode?> { node };
        if (items.Count == 0)
        {
            errors.Add($"Tool call {block}: the block held an empty list.");
        }

        foreach (var item in items)
        {
            if (TryReadCall(item as JsonObject, knownTools, out var call, out var problem))
            {
                calls.Add(call);
            }
            else
            {
                errors.Add($"Tool call {block}: {problem}; found \"{Excerpt(item?.ToJsonString() ?? "null")}\".");
            }
        }
    }

    private static bool TryReadCall(
        JsonObject? obj, IReadOnlyCollection<string>? knownTools, out ParsedToolCall call, out string problem)
    {
        call = null!;
        if (obj is null)
        {
            problem = "expected a JSON object with \"name\" and \"arguments\"";
            return false;
        }

        // OpenAI's shape written out as text: {"type": "function", "function": {"name": …, "arguments": "…"}}
        var source = obj["function"] is JsonObject fn && fn["name"] is not null ? fn : obj;
        var name = (source["name"] ?? source["tool"] ?? source["tool_name"] ?? source["function"]) as JsonValue;
        if (name is null || !name.TryGetValue<string>(out var nameText) || string.IsNullOrWhiteSpace(nameText))
        {
            if (knownTools is not null && obj.Count == 1 && obj.First() is var (key, value) && knownTools.Contains(key)
                && value is JsonObject keyedArgs)
            {
                call = new ParsedToolCall(key, (JsonObject)keyedArgs.DeepClone());
                problem = "";
                return true;
            }

            problem = "the call has no \"name\"";
            return false;
        }

        var argsNode = ArgumentKeys.Select(k => source[k]).FirstOrDefault(n => n is not null);
        JsonObject args;
        switch (argsNode)
        {
            case null:
                args = [];
                break;
            case JsonObject o:
                args = (JsonObject)o.DeepClone();
                break;
            case JsonValue v when v.TryGetValue<string>(out var encoded):
                if (string.IsNullOrWhiteSpace(encoded))
                {
                    args = [];
                    break;
                }

                var brace = encoded.IndexOf('{');
                if (brace < 0 || !LenientJsonReader.TryRead(encoded, brace, out var inner, out _, out _, out _)
                    || inner is not JsonObject innerObj)
                {
                    problem = $"the arguments of '{nameText.Trim()}' are a string that is not a JSON object";
                    return false;
                }

                args = innerObj;
                break;
            default:
                problem = $"the arguments of '{nameText.Trim()}' must be a JSON object";
                return false;
        }

        call = new ParsedToolCall(nameText.Trim(), args);
        problem = "";
        return true;
    }

    private static bool TryReadUntagged(string text, IReadOnlyCollection<string> knownTools, List<ParsedToolCall> calls)
    {
        // Only a reply that *is* a call (bare or fenced JSON, nothing else) counts: JSON quoted inside an answer
        // must not turn into an action.
        var json = StripFence(text);
        if (json.Length == 0 || json[0] is not ('{' or '['))
        {
            return false;
        }

        if (!LenientJsonReader.TryRead(json, 0, out var node, out var end, out _, out _)
            || json[end..].Trim().Length > 0)
        {
            return false;
        }

        var found = new List<ParsedToolCall>();
        var items = node is JsonArray array ? [.. array] : new List<JsonNode?> { node };
        foreach (var item in items)
        {
            if (item is not JsonObject obj || !TryReadCall(obj, knownTools, out var call, out _)
                || !knownTools.Contains(call.Name))
            {
                return false;
            }

            found.Add(call);
        }

        calls.AddRange(found);
        return found.Count > 0;
    }

    private static string StripFence(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("```", StringComparison.Ordinal))
        {
            return t;
        }

        var firstNewline = t.IndexOf('\n');
        if (firstNewline < 0)
        {
            return "";
        }

        var end = t.LastIndexOf("```", StringComparison.Ordinal);
        return (end > firstNewline ? t[(firstNewline + 1)..end] : t[(firstNewline + 1)..]).Trim();
    }

    private static (string Visible, string? Reasoning) SplitReasoning(string text)
    {
        var reasoning = new StringBuilder();
        var visible = text;

        // The Qwen3 template can open <think> in the prompt, so the reply may start inside the block.
        var firstClose = IndexOf(visible, ThinkClose, 0);
        var firstOpen = IndexOf(visible, ThinkOpen, 0);
        if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen))
        {
            reasoning.Append(visible.AsSpan(0, firstClose));
            visible = visible[(firstClose + ThinkClose.Length)..];
        }

        while ((firstOpen = IndexOf(visible, ThinkOpen, 0)) >= 0)
        {
            var start = firstOpen + ThinkOpen.Length;
            var close = IndexOf(visible, ThinkClose, start);
            if (close < 0)
            {
                // Unclosed: reasoning runs to the end, unless the model went on to write calls anyway.
                var call = IndexOf(visible, OpenTag, start);
                var end = call < 0 ? visible.Length : call;
                Append(reasoning, visible[start..end]);
                visible = visible[..firstOpen] + visible[end..];
                break;
            }

            Append(reasoning, visible[start..close]);
            visible = visible[..firstOpen] + visible[(close + ThinkClose.Length)..];
        }

        var r = reasoning.ToString().Trim();
        return (visible, r.Length == 0 ? null : r);
    }

    private static void Append(StringBuilder sb, string part)
    {
        if (sb.Length > 0)
        {
            sb.Append('\n');
        }

        sb.Append(part);
    }

    private static int IndexOf(string text, string tag, int start) =>
        start > text.Length ? -1 : text.IndexOf(tag, start, StringComparison.OrdinalIgnoreCase);

    private static int Min(int a, int b, int fallback)
    {
        var m = fallback;
        if (a >= 0 && a < m)
        {
            m = a;
        }

        if (b >= 0 && b < m)
        {
            m = b;
        }

        return m;
    }

    private static string Excerpt(string text)
    {
        var t = text.Trim().ReplaceLineEndings(" ");
        return t.Length <= 120 ? t : t[..117] + "...";
    }
}
