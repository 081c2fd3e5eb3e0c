using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Prompting;

/// <summary>
/// Writes JSON the way the Qwen chat template's <c>tojson</c> filter does (<c>", "</c> and <c>": "</c> separators,
/// non-ASCII kept), so the prompt looks like what the model saw in training.
/// </summary>
internal static class QwenJson
{
    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    sb.Append(JsonSerializer.Serialize(key, StringOptions)).Append(": ");
                    Write(sb, value);
                }

                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Write(sb, array[i]);
                }

                sb.Append(']');
                break;
            default:
                sb.Append(node.GetValueKind() == JsonValueKind.String
                    ? JsonSerializer.Serialize(node.GetValue<string>(), StringOptions)
                    : node.ToJsonString());
                break;
        }
    }
}
