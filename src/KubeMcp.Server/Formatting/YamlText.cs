using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeMcp.Server.Formatting;

/// <summary>Writes JSON-shaped Kubernetes objects as block YAML, quoting strings that would otherwise read as numbers, booleans or null.</summary>
internal static class YamlText
{
    public static string Write(JsonNode? node)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, indentSequences: false));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    Scalar(emitter, key, isString: true);
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        Scalar(emitter, value.GetValue<string>(), isString: true);
                        break;
                    case JsonValueKind.True:
                        Scalar(emitter, "true", isString: false);
                        break;
                    case JsonValueKind.False:
                        Scalar(emitter, "false", isString: false);
                        break;
                    default:
                        Scalar(emitter, value.ToJsonString(), isString: false);
                        break;
                }
                break;
            default:
                Scalar(emitter, "null", isString: false);
                break;
        }
    }

    private static void Scalar(IEmitter emitter, string text, bool isString)
    {
        var style = ScalarStyle.Plain;
        if (isString && NeedsQuotes(text))
        {
            style = text.Contains('\n') && !text.Contains('\r') ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    private static bool NeedsQuotes(string s)
    {
        if (s.Length == 0 || s.Contains('\n'))
        {
            return true;
        }
        if (s is "true" or "false" or "null" or "~" or "yes" or "no" or "on" or "off" or "True" or "False" or "Null" or "NULL" or "TRUE" or "FALSE" or "Yes" or "No" or "YES" or "NO" or "On" or "Off" or "y" or "n" or "Y" or "N")
        {
            return true;
        }
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || s.StartsWith("0o", StringComparison.Ordinal))
        {
            return true;
        }
        return false;
    }
}
