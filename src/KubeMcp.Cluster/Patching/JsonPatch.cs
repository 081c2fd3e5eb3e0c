using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// RFC 6902 JSON Patch (<c>application/json-patch+json</c>) with the behaviour and error texts of the library the
/// API server uses (evanphx/json-patch v4), including its leniencies: <c>replace</c> of a missing object member adds
/// it, negative array indices count from the end, and <c>add</c>/<c>copy</c> without a value write null.
/// </summary>
internal static class JsonPatch
{
    /// <summary>The most operations one patch may hold, as the API server enforces.</summary>
    public const int MaxOperations = 10000;

    /// <summary>Applies <paramref name="operations"/> to a copy of <paramref name="document"/>.</summary>
    /// <exception cref="ApiException">400 when the body is not a list of operations, 413 when it has too many,
    /// 422 when an operation does not apply (missing path, failed test, bad index).</exception>
    public static JsonNode Apply(JsonNode document, JsonNode? operations)
    {
        var ops = Decode(operations);
        if (ops.Count > MaxOperations)
        {
            throw PatchErrors.TooLarge(
                $"The allowed maximum operations in a JSON patch is {MaxOperations}, got {ops.Count}");
        }
        var state = new Document(document.DeepClone());
        foreach (var op in ops)
        {
            var error = state.Run(op);
            if (error is not null)
            {
                throw PatchErrors.Unprocessable(error);
            }
        }
        return state.Root;
    }

    private static List<JsonObject?> Decode(JsonNode? operations)
    {
        if (operations is null)
        {
            return [];
        }
        if (operations is not JsonArray array)
        {
            throw PatchErrors.BadRequest(
                $"json: cannot unmarshal {GoJsonKind(operations)} into Go value of type jsonpatch.Patch");
        }
        var ops = new List<JsonObject?>(array.Count);
        foreach (var item in array)
        {
            if (item is not null and not JsonObject)
            {
                throw PatchErrors.BadRequest(
                    $"json: cannot unmarshal {GoJsonKind(item)} into Go value of type jsonpatch.Operation");
            }
            ops.Add((JsonObject?)item);
        }
        return ops;
    }

    private static string GoJsonKind(JsonNode node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "bool",
        },
    };

    /// <summary>The document being patched; every operation answers an error text or null.</summary>
    private sealed class Document(JsonNode root)
    {
        public JsonNode Root { get; private set; } = root;

        public string? Run(JsonObject? op)
        {
            var kind = Member(op, "op") is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : "unknown";
            return kind switch
            {
                "add" => Add(op!),
                "remove" => Remove(op!),
                "replace" => Replace(op!),
                "move" => Move(op!),
                "copy" => Copy(op!),
                "test" => Test(op!),
                _ => $"Unexpected kind: {kind}",
            };
        }

        private string? Add(JsonObject op)
        {
            if (ReadString(op, "path", out var path) is not null)
            {
                return "add operation failed to decode path: missing value";
            }
            var (container, key) = Find(path);
            if (container is null)
            {
                return $"add operation does not apply: doc is missing path: \"{path}\": missing value";
            }
            var error = Insert(container, key, Member(op, "value")?.DeepClone());
            return error is null ? null : $"error in add for path: '{path}': {error}";
        }

        private string? Remove(JsonObject op)
        {
            if (ReadString(op, "path", out var path) is not null)
            {
                return "remove operation failed to decode path: missing value";
            }
            var (container, key) = Find(path);
            if (container is null)
            {
                return $"remove operation does not apply: doc is missing path: \"{path}\": missing value";
            }
            var error = Delete(container, key);
            return error is null ? null : $"error in remove for path: '{path}': {error}";
        }

        private string? Replace(JsonObject op)
        {
            var pathError = ReadString(op, "path", out var path);
            if (pathError is not null)
            {
                return $"replace operation failed to decode path: {pathError}";
            }
            if (path.Length == 0)
            {
                // The library only swaps the whole document for an object or an array and silently skips otherwise.
                if (Member(op, "value") is JsonObject or JsonArray)
                {
                    Root = Member(op, "value")!.DeepClone();
                }
                return null;
            }
            var (container, key) = Find(path);
            if (container is null)
            {
                return $"replace operation does not apply: doc is missing path: {path}: missing value";
            }
            if (Get(container, key, out _) is not null)
            {
                return $"replace operation does not apply: doc is missing key: {path}: missing value";
            }
            var error = Set(container, key, Member(op, "value")?.DeepClone());
            return error is null ? null : $"error in remove for path: '{path}': {error}";
        }

        private string? Move(JsonObject op)
        {
            var fromError = ReadString(op, "from", out var from);
            if (fromError is not null)
            {
                return $"move operation failed to decode from: {fromError}";
            }
            var (source, sourceKey) = Find(from);
            if (source is null)
            {
                return $"move operation does not apply: doc is missing from path: {from}: missing value";
            }
            var error = Get(source, sourceKey, out var value) ?? Delete(source, sourceKey);
            if (error is not null)
            {
                return $"error in move for path: '{sourceKey}': {error}";
            }
            var pathError = ReadString(op, "path", out var path);
            if (pathError is not null)
            {
                return $"move operation failed to decode path: {pathError}";
            }
            var (target, key) = Find(path);
            if (target is null)
            {
                return $"move operation does not apply: doc is missing destination path: {path}: missing value";
            }
            error = Insert(target, key, value);
            return error is null ? null : $"error in move for path: '{path}': {error}";
        }

        private string? Copy(JsonObject op)
        {
            var fromError = ReadString(op, "from", out var from);
            if (fromError is not null)
            {
                return $"copy operation failed to decode from: {fromError}";
            }
            var (source, sourceKey) = Find(from);
            if (source is null)
            {
                return $"copy operation does not apply: doc is missing from path: {from}: missing value";
            }
            var error = Get(source, sourceKey, out var value);
            if (error is not null)
            {
                return $"error in copy for from: '{from}': {error}";
            }
            if (ReadString(op, "path", out var path) is not null)
            {
                return "copy operation failed to decode path: missing value";
            }
            var (target, key) = Find(path);
            if (target is null)
            {
                return $"copy operation does not apply: doc is missing destination path: {path}: missing value";
            }
            error = Insert(target, key, value?.DeepClone());
            return error is null ? null : $"error while adding value during copy: {error}";
        }

        private string? Test(JsonObject op)
        {
            var pathError = ReadString(op, "path", out var path);
            if (pathError is not null)
            {
                return $"test operation failed to decode path: {pathError}";
            }
            var hasValue = op.TryGetPropertyValue("value", out var expected);
            if (path.Length == 0)
            {
                return hasValue && JsonValues.DeepEquals(Root, expected) ? null : $"testing value {path} failed: test failed";
            }
            var (container, key) = Find(path);
            if (container is null)
            {
                return $"test operation does not apply: is missing path: {path}: missing value";
            }
            var error = Get(container, key, out var actual);
            if (error is not null)
            {
                return $"error in test for path: '{path}': {error}";
            }
            // A missing member and an explicit null are the same to the library; both match only a null value.
            var passed = actual is null ? hasValue && expected is null : hasValue && JsonValues.DeepEquals(actual, expected);
            return passed ? null : $"testing value {path} failed: test failed";
        }

        /// <summary>The container the last token of <paramref name="path"/> addresses, and that token decoded.</summary>
        private (JsonNode? Container, string Key) Find(string path)
        {
            var split = path.Split('/');
            if (split.Length < 2 || Root is not (JsonObject or JsonArray))
            {
                return (null, "");
            }
            JsonNode current = Root;
            for (var i = 1; i < split.Length - 1; i++)
            {
                if (Get(current, Unescape(split[i]), out var next) is not null || next is not (JsonObject or JsonArray))
                {
                    return (null, "");
                }
                current = next;
            }
            return (current, Unescape(split[^1]));
        }

        private static string? Get(JsonNode container, string key, out JsonNode? value)
        {
            value = null;
            if (container is JsonObject o)
            {
                o.TryGetPropertyValue(key, out value);
                return null;
            }
            var array = (JsonArray)container;
            var error = ParseIndex(key, out var index);
            if (error is not null)
            {
                return error;
            }
            if (index < 0)
            {
                if (index < -array.Count)
                {
                    return InvalidIndex(index);
                }
                index += array.Count;
            }
            if (index >= array.Count)
            {
                return InvalidIndex(index);
            }
            value = array[(int)index];
            return null;
        }

        private static string? Set(JsonNode container, string key, JsonNode? value)
        {
            if (container is JsonObject o)
            {
                o[key] = value;
                return null;
            }
            var array = (JsonArray)container;
            var error = ParseIndex(key, out var index);
            if (error is not null)
            {
                return error;
            }
            if (index < 0)
            {
                index += array.Count;
            }
            array[(int)index] = value;
            return null;
        }

        private static string? Insert(JsonNode container, string key, JsonNode? value)
        {
            if (container is JsonObject o)
            {
                o[key] = value;
                return null;
            }
            var array = (JsonArray)container;
            if (key == "-")
            {
                array.Add(value);
                return null;
            }
            var error = ParseIndex(key, out var index);
            if (error is not null)
            {
                return $"value was not a proper array index: '{key}': {error}";
            }
            var size = array.Count + 1;
            if (index >= size)
            {
                return InvalidIndex(index);
            }
            if (index < 0)
            {
                if (index < -size)
                {
                    return InvalidIndex(index);
                }
                index += size;
            }
            array.Insert((int)index, value);
            return null;
        }

        private static string? Delete(JsonNode container, string key)
        {
            if (container is JsonObject o)
            {
                return o.Remove(key) ? null : $"Unable to remove nonexistent key: {key}: missing value";
            }
            var array = (JsonArray)container;
            var error = ParseIndex(key, out var index);
            if (error is not null)
            {
                return error;
            }
            if (index >= array.Count)
            {
                return InvalidIndex(index);
            }
            if (index < 0)
            {
                if (index < -array.Count)
                {
                    return InvalidIndex(index);
                }
                index += array.Count;
            }
            array.RemoveAt((int)index);
            return null;
        }

        private static string InvalidIndex(long index) =>
            $"Unable to access invalid index: {index.ToString(CultureInfo.InvariantCulture)}: invalid index referenced";

        /// <summary>Go's <c>strconv.Atoi</c>, with its error texts.</summary>
        private static string? ParseIndex(string key, out long index)
        {
            index = 0;
            var digits = key.StartsWith('+') || key.StartsWith('-') ? key[1..] : key;
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            {
                return $"strconv.Atoi: parsing \"{key}\": invalid syntax";
            }
            if (!long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out index)
                || index is > int.MaxValue or < int.MinValue)
            {
                return $"strconv.Atoi: parsing \"{key}\": value out of range";
            }
            return null;
        }

        /// <summary>RFC 6901 unescaping in one pass, so <c>~01</c> becomes <c>~1</c> and not <c>/</c>.</summary>
        private static string Unescape(string token) =>
            token.Contains('~') ? token.Replace("~1", "\u0001").Replace("~0", "~").Replace("\u0001", "/") : token;

        private static JsonNode? Member(JsonObject? op, string name) =>
            op is not null && op.TryGetPropertyValue(name, out var value) ? value : null;

        /// <summary>Reads a string member; answers the library's error text when it is missing or not a string.</summary>
        private static string? ReadString(JsonObject op, string name, out string value)
        {
            value = "unknown";
            if (!op.TryGetPropertyValue(name, out var node) || node is null)
            {
                return name == "from"
                    ? "operation, missing from field: missing value"
                    : "operation missing path field: missing value";
            }
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                value = v.GetValue<string>();
                return null;
            }
            return $"json: cannot unmarshal {GoJsonKind(node)} into Go value of type string";
        }
    }
}
