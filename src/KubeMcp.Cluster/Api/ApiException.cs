using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Api;

/// <summary>
/// An error the API server returns as a <c>Status</c> object. The message is shown to clients as is, so it must be
/// safe (no internals, no stack traces) and phrased the way a real API server phrases it.
/// </summary>
public sealed class ApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;
    public string Reason { get; } = reason;
    public JsonObject? Details { get; } = details;

    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{Resource(type)} \"{name}\" not found", Detail(type, name));

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{Resource(type)} \"{name}\" already exists", Detail(type, name));

    public static ApiException Conflict(ResourceType type, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {Resource(type)} \"{name}\": {why}", Detail(type, name));

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiException Gone(string message) => new(410, "Expired", message);

    public static ApiException Forbidden(string message, ResourceType? type = null, string? name = null) =>
        new(403, "Forbidden", message, type is null ? null : Detail(type, name ?? ""));

    /// <summary>A 422 Invalid error with one cause per offending field, as the API server's validation reports.</summary>
    public static ApiException Invalid(string kind, string name, IReadOnlyList<FieldError> causes, string? group = null)
    {
        var summary = string.Join(", ", causes.Select(c => c.ToString()));
        var details = new JsonObject
        {
            ["name"] = name,
            ["kind"] = kind.ToLowerInvariant(),
            ["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = c.Reason,
                ["message"] = c.Message,
                ["field"] = c.Field,
            }).ToArray()),
        };
        if (!string.IsNullOrEmpty(group))
        {
            details["group"] = group;
        }
        return new(422, "Invalid", $"{kind} \"{name}\" is invalid: {summary}", details);
    }

    /// <summary>The Kubernetes <c>Status</c> object for this error.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
            ["code"] = Code,
        };
        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }
        return status;
    }

    private static string Resource(ResourceType type) =>
        type.Group.Length == 0 ? type.Plural : $"{type.Plural}.{type.Group}";

    private static JsonObject Detail(ResourceType type, string name)
    {
        var d = new JsonObject { ["name"] = name };
        if (type.Group.Length > 0)
        {
            d["group"] = type.Group;
        }
        d["kind"] = type.Plural;
        return d;
    }
}
