using System.Text.Json.Nodes;

namespace KubeMcp.Server.Formatting;

/// <summary>
/// Prepares an object for a model to read: drops bookkeeping no one reasons about (managedFields, the
/// last-applied annotation) and replaces Secret values with REDACTED and their size, so credentials never reach the model
/// (unless a policy rule with <c>revealSecrets</c> decided the call).
/// </summary>
internal static class ObjectCleaner
{
    private static readonly string[] NoisyAnnotations =
    [
        "kubectl.kubernetes.io/last-applied-configuration",
        "deployment.kubernetes.io/revision-history",
    ];

    /// <summary>A cleaned copy; the input is not changed.</summary>
    public static JsonObject Clean(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"] is JsonObject meta)
        {
            meta.Remove("managedFields");
            if (meta["annotations"] is JsonObject annotations)
            {
                foreach (var key in NoisyAnnotations)
                {
                    annotations.Remove(key);
                }
                if (annotations.Count == 0)
                {
                    meta.Remove("annotations");
                }
            }
        }
        if (IsSecret(copy) && !Policy.SecretDisclosure.IsAllowed)
        {
            RedactValues(copy, "data", base64: true);
            RedactValues(copy, "stringData", base64: false);
        }
        return copy;
    }

    /// <summary>True for core/v1 Secrets, whose values are redacted.</summary>
    public static bool IsSecret(JsonObject obj) =>
        obj["kind"]?.GetValue<string>() == "Secret" && obj["apiVersion"]?.GetValue<string>() == "v1";

    private static void RedactValues(JsonObject secret, string field, bool base64)
    {
        if (secret[field] is not JsonObject values)
        {
            return;
        }
        foreach (var key in values.Select(p => p.Key).ToList())
        {
            var text = values[key]?.GetValue<string>() ?? "";
            var bytes = base64 ? DecodedLength(text) : System.Text.Encoding.UTF8.GetByteCount(text);
            values[key] = $"REDACTED ({bytes} bytes)";
        }
    }

    private static int DecodedLength(string base64)
    {
        var padding = base64.EndsWith("==", StringComparison.Ordinal) ? 2 : base64.EndsWith('=') ? 1 : 0;
        return Math.Max(0, base64.Length / 4 * 3 - padding);
    }
}
