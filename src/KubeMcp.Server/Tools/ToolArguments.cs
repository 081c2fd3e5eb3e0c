using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Server.Tools;

/// <summary>
/// The arguments of one call, checked against the tool's parameters: a missing required argument or a value of the
/// wrong type becomes a <see cref="ToolArgumentException"/> naming the argument. Lenient where a model's intent is
/// unambiguous ("5" for an integer, "true" for a boolean, null for absent).
/// </summary>
internal sealed class ToolArguments
{
    private readonly Dictionary<string, JsonElement> _values;

    private ToolArguments(Dictionary<string, JsonElement> values) => _values = values;

    public static ToolArguments Parse(IDictionary<string, JsonElement>? arguments, IReadOnlyList<ToolParameter> parameters)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                values[key] = value;
            }
        }
        var args = new ToolArguments(values);
        foreach (var p in parameters)
        {
            if (!values.ContainsKey(p.Name))
            {
                if (p.Required)
                {
                    throw new ToolArgumentException(p.Name, $"is required ({p.Description})");
                }
                continue;
            }
            // Reading once validates the type up front, before the tool touches the cluster.
            _ = p.Type switch
            {
                "string" => (object?)args.String(p.Name),
                "boolean" => args.Bool(p.Name),
                "integer" => args.Long(p.Name),
                "number" => args.Double(p.Name),
                "array" => args.StringArray(p.Name),
                "object" => args.Object(p.Name),
                _ => null,
            };
        }
        return args;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>A string argument; empty or blank counts as absent.</summary>
    public string? String(string name)
    {
        if (!_values.TryGetValue(name, out var v))
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            throw new ToolArgumentException(name, $"must be a string, got {Describe(v)}");
        }
        var s = v.GetString()!.Trim();
        return s.Length == 0 ? null : s;
    }

    public string RequiredString(string name) =>
        String(name) ?? throw new ToolArgumentException(name, "is required and must not be empty");

    public bool? Bool(string name)
    {
        if (!_values.TryGetValue(name, out var v))
        {
            return null;
        }
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            _ => throw new ToolArgumentException(name, $"must be true or false, got {Describe(v)}"),
        };
    }

    public long? Long(string name)
    {
        if (!_values.TryGetValue(name, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l))
        {
            return l;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < long.MaxValue)
        {
            return (long)d;
        }
        if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        throw new ToolArgumentException(name, $"must be a whole number, got {Describe(v)}");
    }

    public double? Double(string name)
    {
        if (!_values.TryGetValue(name, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number)
        {
            return v.GetDouble();
        }
        if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }
        throw new ToolArgumentException(name, $"must be a number, got {Describe(v)}");
    }

    public IReadOnlyList<string>? StringArray(string name)
    {
        if (!_values.TryGetValue(name, out var v))
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new ToolArgumentException(name, $"must be an array of strings such as [\"ls\", \"-l\", \"/tmp\"], got {Describe(v)}");
        }
        return v.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    public JsonObject? Object(string name)
    {
        if (!_values.TryGetValue(name, out var v))
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new ToolArgumentException(name, $"must be a JSON object, got {Describe(v)}");
        }
        return JsonNode.Parse(v.GetRawText())!.AsObject();
    }

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => v.ValueKind.ToString().ToLowerInvariant(),
    };
}
