using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeMcp.Agent.Tools;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Prompting;

/// <summary>
/// The tool declarations the model is shown: the server's tools with a <c>[destructive]</c> mark, and — compacted —
/// only the first sentences of each description. The declarations are sent with every step, so their size is paid
/// on every prompt; the full schemas still check every call before it runs.
/// </summary>
internal static partial class ToolDeclarationBuilder
{
    /// <summary>Longest tool description kept when compacting, in characters (whole sentences, examples left out).</summary>
    public const int MaxDescription = 200;

    /// <summary>Longest parameter description kept when compacting, in characters.</summary>
    public const int MaxParameterDescription = 100;

    /// <summary>Marks tools that change or delete things, as the system prompt's rules call them.</summary>
    public const string DestructiveMark = "[destructive] ";

    // Schema keywords a model does not need to make a call; the full schema enforces them anyway.
    private static readonly string[] DroppedKeywords = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "title", "$schema", "additionalProperties"];

    public static AIFunctionDeclaration Build(ToolDescriptor tool, bool compact)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var description = compact ? Shorten(tool.Description, MaxDescription) : tool.Description;
        if (tool.IsDestructive)
        {
            description = DestructiveMark + description;
        }

        var schema = compact ? CompactSchema(tool.InputSchema) : tool.InputSchema;
        return AIFunctionFactory.CreateDeclaration(tool.Name, description,
            JsonSerializer.SerializeToElement(schema, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonObject))));
    }

    /// <summary>
    /// The leading sentences of <paramref name="text"/> that fit in <paramref name="max"/> characters, without
    /// <c>Example:</c> sentences or "(optional …)" remarks (the schema's <c>required</c> list says that). A first
    /// sentence that is too long is cut at a clause boundary and marked with "…".
    /// </summary>
    internal static string Shorten(string text, int max)
    {
        var kept = new StringBuilder();
        foreach (var sentence in Sentences(OptionalRemark().Replace(text, "")))
        {
            if (sentence.StartsWith("Example", StringComparison.Ordinal))
            {
                continue;
            }

            if (kept.Length == 0)
            {
                kept.Append(sentence);
            }
            else if (kept.Length + 1 + sentence.Length <= max)
            {
                kept.Append(' ').Append(sentence);
            }
            else
            {
                break;
            }
        }

        return kept.Length <= max ? kept.ToString() : Cut(kept.ToString(), max);
    }

    private static JsonObject CompactSchema(JsonObject schema)
    {
        var copy = (JsonObject)schema.DeepClone();
        foreach (var keyword in DroppedKeywords)
        {
            copy.Remove(keyword);
        }

        if (copy["properties"] is JsonObject properties)
        {
            foreach (var (_, value) in properties)
            {
                if (value is not JsonObject parameter)
                {
                    continue;
                }

                foreach (var keyword in DroppedKeywords)
                {
                    parameter.Remove(keyword);
                }

                if (parameter["description"]?.GetValueKind() == JsonValueKind.String)
                {
                    parameter["description"] = Shorten(parameter["description"]!.GetValue<string>(), MaxParameterDescription);
                }
            }
        }

        return copy;
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)))
            .Where(s => s.Length > 0);

    /// <summary>Cuts at the last clause boundary (comma, semicolon, dash, bracket) before <paramref name="max"/>, else at a word.</summary>
    private static string Cut(string text, int max)
    {
        var head = text[..(max - 1)];
        var at = new[] { head.LastIndexOf(", ", StringComparison.Ordinal), head.LastIndexOf("; ", StringComparison.Ordinal),
            head.LastIndexOf(" — ", StringComparison.Ordinal), head.LastIndexOf(" (", StringComparison.Ordinal) }.Max();
        if (at < max / 2)
        {
            at = head.LastIndexOf(' ');
        }

        return (at > 0 ? head[..at] : head).TrimEnd(' ', ',', ';', ':') + "…";
    }

    // A sentence ends at . ! or ? followed by a space and a capital or a JSON example, but not after "e.g." or "i.e.".
    [GeneratedRegex(@"(?<!\be\.g\.|\bi\.e\.|\betc\.)(?<=[.!?])\s+(?=[A-Z{])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s*\(optional\b[^()]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex OptionalRemark();
}
