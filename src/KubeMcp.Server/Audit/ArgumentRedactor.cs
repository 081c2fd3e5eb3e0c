using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeMcp.Server.Formatting;
using KubeMcp.Server.Tools;

namespace KubeMcp.Server.Audit;

/// <summary>
/// Copies call arguments for the audit log without their secrets: values of arguments named like credentials, and
/// the values of Secrets inside manifests. Very long values are shortened so one call cannot bloat the log.
/// </summary>
internal static partial class ArgumentRedactor
{
    private const int MaxValueChars = 4096;
    public const string Redacted = "REDACTED";

    public static JsonObject Redact(IDictionary<string, JsonElement>? arguments)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (SensitiveName().IsMatch(key))
            {
                copy[key] = Redacted;
                continue;
            }
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text)
            {
                copy[key] = Shorten(key == "resource" ? RedactManifests(text) : text);
                continue;
            }
            var node = JsonNode.Parse(value.GetRawText());
            var raw = node?.ToJsonString() ?? "null";
            copy[key] = raw.Length <= MaxValueChars ? node : Shorten(raw);
        }
        return copy;
    }

    /// <summary>A manifest with its Secrets' values redacted; text that is not a manifest is returned as is.</summary>
    private static string RedactManifests(string text)
    {
        IReadOnlyList<JsonObject> manifests;
        try
        {
            manifests = ManifestReader.Read(text, "resource");
        }
        catch (ToolArgumentException)
        {
            return text;
        }
        if (!manifests.Any(ObjectCleaner.IsSecret))
        {
            return text;
        }
        // The rewritten manifest is JSON: faithful enough for an audit trail, and the secret values are gone.
        var cleaned = new JsonArray(manifests.Select(m => (JsonNode)(ObjectCleaner.IsSecret(m) ? RedactSecret(m) : m)).ToArray());
        return cleaned.Count == 1 ? cleaned[0]!.ToJsonString() : cleaned.ToJsonString();
    }

    private static JsonObject RedactSecret(JsonObject secret)
    {
        var copy = (JsonObject)secret.DeepClone();
        foreach (var field in new[] { "data", "stringData" })
        {
            if (copy[field] is JsonObject values)
            {
                foreach (var k in values.Select(p => p.Key).ToList())
                {
                    values[k] = Redacted;
                }
            }
        }
        return copy;
    }

    private static string Shorten(string text) =>
        text.Length <= MaxValueChars ? text : text[..MaxValueChars] + $"… ({text.Length - MaxValueChars} more characters)";

    [GeneratedRegex("(?i)(password|passwd|token|secret|credential|private[_-]?key|api[_-]?key)")]
    private static partial Regex SensitiveName();
}
