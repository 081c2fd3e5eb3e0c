using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Tests.Agent.ToolCalling;

/// <summary>Writes JSON the ways models get it wrong: single quotes, trailing commas, odd spacing.</summary>
internal static class MessyJsonWriter
{
    public static string Write(JsonNode? node, bool singleQuotes, bool trailingCommas, bool pretty)
    {
        var sb = new StringBuilder();
        WriteNode(sb, node, singleQuotes, trailingCommas, pretty, 0);
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, JsonNode? node, bool sq, bool tc, bool pretty, int depth)
    {
        switch (node)
        {
            case JsonObject obj:
                sb.Append('{');
                var i = 0;
                foreach (var (key, value) in obj)
                {
                    NewLine(sb, pretty, depth + 1);
                    WriteString(sb, key, sq);
                    sb.Append(pretty ? ": " : ":");
                    WriteNode(sb, value, sq, tc, pretty, depth + 1);
                    if (++i < obj.Count || tc)
                    {
                        sb.Append(',');
                    }
                }

                NewLine(sb, pretty, depth);
                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var j = 0; j < array.Count; j++)
                {
                    if (pretty)
                    {
                        sb.Append(' ');
                    }

                    WriteNode(sb, array[j], sq, tc, pretty, depth + 1);
                    if (j + 1 < array.Count || tc)
                    {
                        sb.Append(',');
                    }
                }

                sb.Append(']');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                WriteString(sb, v.GetValue<string>(), sq);
                break;
            default:
                sb.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string s, bool singleQuotes)
    {
        if (!singleQuotes)
        {
            sb.Append(JsonSerializer.Serialize(s));
            return;
        }

        sb.Append('\'');
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\'' => "\\'",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }

        sb.Append('\'');
    }

    private static void NewLine(StringBuilder sb, bool pretty, int depth)
    {
        if (pretty)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }
    }
}
