using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Loop;

/// <summary>
/// Counts identical calls (same tool, same arguments in any key order). Counting restarts after a successful call
/// that changes state, because reading the same thing again after a change is verification, not a loop.
/// </summary>
internal sealed class RepeatedCallDetector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Registers a call and returns how many times it has now been made since the last change.</summary>
    public int Register(string tool, JsonObject arguments)
    {
        var key = tool + " " + Canonical(arguments);
        var count = _counts.GetValueOrDefault(key) + 1;
        _counts[key] = count;
        return count;
    }

    /// <summary>Forgets all counts (state changed).</summary>
    public void Reset() => _counts.Clear();

    private static string Canonical(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                sb.Append('{');
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sb.Append(JsonSerializer.Serialize(key)).Append(':');
                    Write(sb, value);
                    sb.Append(',');
                }

                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                foreach (var item in array)
                {
                    Write(sb, item);
                    sb.Append(',');
                }

                sb.Append(']');
                break;
            default:
                sb.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }
}
