namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>
/// Builds a <see cref="ProtoSchema"/> from compact per-package tables. One message per entry:
/// <code>
/// Name: number jsonName type, number jsonName type, ...
/// list Name: 1 items []string
/// </code>
/// An entry continues on the next line while it ends with a comma. A type is a scalar (<c>string</c>, <c>bool</c>,
/// <c>int32</c>, <c>int64</c>, <c>double</c>, <c>float</c>, <c>bytes</c>), a special type (<c>Time</c>,
/// <c>MicroTime</c>, <c>Duration</c>, <c>Quantity</c>, <c>IntOrString</c>, <c>RawJson</c>) or a message, named
/// within the package or qualified (<c>meta.v1.ObjectMeta</c>). <c>[]T</c> is a repeated field, <c>{}T</c> a map
/// from string to T; a trailing <c>!</c> keeps zero scalars (see <see cref="ProtoField.KeepZero"/>). The JSON name
/// <c>(inline)</c> marks an embedded struct whose fields belong to the enclosing object. <c>list</c> marks a
/// message that wraps a named slice (see <see cref="ProtoMessage.IsListWrapper"/>).
/// </summary>
internal sealed class ProtoSchemaBuilder
{
    private const string InlineName = "(inline)";

    private static readonly Dictionary<string, ProtoKind> BuiltinKinds = new(StringComparer.Ordinal)
    {
        ["string"] = ProtoKind.String,
        ["bool"] = ProtoKind.Bool,
        ["int32"] = ProtoKind.Int32,
        ["int64"] = ProtoKind.Int64,
        ["double"] = ProtoKind.Double,
        ["float"] = ProtoKind.Float,
        ["bytes"] = ProtoKind.Bytes,
        ["Time"] = ProtoKind.Time,
        ["MicroTime"] = ProtoKind.MicroTime,
        ["Duration"] = ProtoKind.Duration,
        ["Quantity"] = ProtoKind.Quantity,
        ["IntOrString"] = ProtoKind.IntOrString,
        ["RawJson"] = ProtoKind.RawJson,
    };

    private readonly Dictionary<string, ProtoMessage> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _packagesByApiVersion = new(StringComparer.Ordinal);

    /// <summary>Adds the messages of one package, e.g. <c>("apps.v1", "apps/v1", table)</c>.</summary>
    public ProtoSchemaBuilder Package(string package, string apiVersion, string table)
    {
        if (_packagesByApiVersion.TryGetValue(apiVersion, out var existing) && existing != package)
        {
            throw new InvalidOperationException($"{apiVersion} is mapped to both {existing} and {package}");
        }
        _packagesByApiVersion[apiVersion] = package;
        foreach (var entry in Entries(table))
        {
            var message = ParseMessage(package, entry);
            if (!_messages.TryAdd(message.Name, message))
            {
                throw new InvalidOperationException($"message {message.Name} is defined twice");
            }
        }
        return this;
    }

    /// <summary>Checks that every referenced message exists and that inline and list fields are well-formed.</summary>
    public ProtoSchema Build()
    {
        foreach (var message in _messages.Values)
        {
            foreach (var field in message.Fields.Values)
            {
                if (field.Kind == ProtoKind.Message && !_messages.ContainsKey(field.MessageName!))
                {
                    throw new InvalidOperationException($"{message.Name}.{field.Number} refers to unknown message {field.MessageName}");
                }
                if (field.IsInline && (field.Kind != ProtoKind.Message || field.Cardinality != ProtoCardinality.Single))
                {
                    throw new InvalidOperationException($"{message.Name}.{field.Number}: only a single message field can be inline");
                }
            }
            if (message.IsListWrapper && message.Fields.Values.Count(f => f.Cardinality == ProtoCardinality.Repeated && f.JsonName == "items") != 1)
            {
                throw new InvalidOperationException($"list message {message.Name} must have one repeated field named items");
            }
        }
        return new ProtoSchema(_messages, _packagesByApiVersion);
    }

    private static IEnumerable<string> Entries(string table)
    {
        var current = "";
        foreach (var raw in table.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            current = current.Length == 0 ? line : current + " " + line;
            if (!current.EndsWith(','))
            {
                yield return current;
                current = "";
            }
        }
        if (current.Length > 0)
        {
            throw new InvalidOperationException($"schema entry ends with a comma: {current}");
        }
    }

    private static ProtoMessage ParseMessage(string package, string entry)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new InvalidOperationException($"schema entry has no 'Name:' prefix: {entry}");
        }
        var head = entry[..colon].Trim();
        var isList = head.StartsWith("list ", StringComparison.Ordinal);
        var name = $"{package}.{(isList ? head[5..].Trim() : head)}";
        var fields = new Dictionary<int, ProtoField>();
        foreach (var spec in entry[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var field = ParseField(package, name, spec);
            if (!fields.TryAdd(field.Number, field))
            {
                throw new InvalidOperationException($"{name} defines field {field.Number} twice");
            }
        }
        return new ProtoMessage(name, fields, isList);
    }

    private static ProtoField ParseField(string package, string message, string spec)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !int.TryParse(parts[0], out var number) || number <= 0)
        {
            throw new InvalidOperationException($"{message}: field '{spec}' is not 'number name type'");
        }
        var type = parts[2];
        var keepZero = type.EndsWith('!');
        type = type.TrimEnd('!');
        var cardinality = ProtoCardinality.Single;
        if (type.StartsWith("[]", StringComparison.Ordinal))
        {
            cardinality = ProtoCardinality.Repeated;
            type = type[2..];
        }
        else if (type.StartsWith("{}", StringComparison.Ordinal))
        {
            cardinality = ProtoCardinality.Map;
            type = type[2..];
        }
        var jsonName = parts[1] == InlineName ? null : parts[1];
        if (BuiltinKinds.TryGetValue(type, out var kind))
        {
            return new ProtoField(number, jsonName, kind, null, cardinality, keepZero);
        }
        var qualified = type.Contains('.', StringComparison.Ordinal) ? type : $"{package}.{type}";
        return new ProtoField(number, jsonName, ProtoKind.Message, qualified, cardinality, keepZero);
    }
}
