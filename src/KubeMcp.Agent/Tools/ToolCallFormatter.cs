using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Tools;

/// <summary>Formats a call for people: <c>pods_log(name=app-xyz, namespace=production, tail=50)</c>.</summary>
public static class ToolCallFormatter
{
    /// <summary>Formats a call; long values are shortened to <paramref name="maxValueLength"/> characters.</summary>
    public static string Format(string name, JsonObject? arguments, int maxValueLength = 60)
    {
        var sb = new StringBuilder(name).Append('(');
        var first = true;
        foreach (var (key, value) in arguments ?? [])
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            sb.Append(key).Append('=').Append(FormatValue(value, maxValueLength));
        }

        return sb.Append(')').ToString();
    }

    private static string FormatValue(JsonNode? value, int max)
    {
        var text = value switch
        {
            null => "null",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
            _ => value.ToJsonString(),
        };
        return text.Length <= max ? text : text[..Math.Max(1, max - 1)] + "…";
    }

    private static string Quote(string s) =>
        s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=')
            ? s
            : JsonSerializer.Serialize(s);
}
