using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>One <c>metadata.managedFields</c> entry: what one manager owns after one kind of operation.</summary>
/// <param name="Manager">The field manager name, e.g. <c>kubectl-client-side-apply</c>.</param>
/// <param name="Operation"><c>Apply</c> or <c>Update</c>.</param>
/// <param name="ApiVersion">The API version the fields are expressed in.</param>
/// <param name="Subresource">The subresource written through (<c>status</c>, <c>scale</c>), or null.</param>
/// <param name="Time">When the entry last changed, RFC 3339 in UTC, or null when never recorded.</param>
/// <param name="Fields">The owned fields.</param>
internal sealed record ManagedFieldsEntry(
    string Manager, string Operation, string ApiVersion, string? Subresource, string? Time, FieldSet Fields)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    /// <summary>
    /// The key entries are merged under, as the API server builds it: appliers are one entry whatever the version
    /// they applied with, updaters one per API version.
    /// </summary>
    public string Identity => BuildIdentity(Manager, Operation, ApiVersion, Subresource);

    public static string BuildIdentity(string manager, string operation, string apiVersion, string? subresource)
    {
        var identity = new JsonObject { ["manager"] = manager, ["operation"] = operation };
        if (operation != ApplyOperation && apiVersion.Length > 0)
        {
            identity["apiVersion"] = apiVersion;
        }
        if (!string.IsNullOrEmpty(subresource))
        {
            identity["subresource"] = subresource;
        }
        return identity.ToJsonString();
    }

    /// <summary>How conflict messages name the manager: <c>"kubectl-scale" with subresource "scale" using apps/v1</c>.</summary>
    public string Describe()
    {
        var text = JsonSerializer.Serialize(Manager);
        if (!string.IsNullOrEmpty(Subresource))
        {
            text += $" with subresource {JsonSerializer.Serialize(Subresource)}";
        }
        return Operation == UpdateOperation ? $"{text} using {ApiVersion}" : text;
    }

    /// <summary>Whole seconds since the epoch, the granularity entries are ordered by.</summary>
    public long Seconds => Time is not null && DateTimeOffset.TryParse(Time, CultureInfo.InvariantCulture,
        DateTimeStyles.AssumeUniversal, out var t) ? t.ToUnixTimeSeconds() : 0;

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public JsonObject ToJson()
    {
        var entry = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiVersion,
        };
        if (Time is not null)
        {
            entry["time"] = Time;
        }
        entry["fieldsType"] = "FieldsV1";
        entry["fieldsV1"] = Fields.ToFieldsV1();
        if (!string.IsNullOrEmpty(Subresource))
        {
            entry["subresource"] = Subresource;
        }
        return entry;
    }

    /// <summary>Reads an entry, with the API server's validation.</summary>
    /// <exception cref="FormatException">The entry is not a valid managed fields entry.</exception>
    public static ManagedFieldsEntry FromJson(JsonNode? node, int index)
    {
        if (node is not JsonObject entry)
        {
            throw new FormatException($"managed fields entry {index} is not an object");
        }
        var operation = Text(entry, "operation");
        if (operation is not (ApplyOperation or UpdateOperation))
        {
            throw new FormatException("operation must be `Apply` or `Update`");
        }
        var apiVersion = Text(entry, "apiVersion");
        if (string.IsNullOrEmpty(apiVersion))
        {
            throw new FormatException("apiVersion must not be empty");
        }
        var fieldsType = Text(entry, "fieldsType");
        if (string.IsNullOrEmpty(fieldsType))
        {
            throw new FormatException($"missing fieldsType in managed fields entry {index}");
        }
        if (fieldsType != "FieldsV1")
        {
            throw new FormatException($"invalid fieldsType \"{fieldsType}\" in managed fields entry {index}");
        }
        return new ManagedFieldsEntry(
            Text(entry, "manager") ?? "",
            operation,
            apiVersion,
            Text(entry, "subresource"),
            Text(entry, "time"),
            FieldSet.FromFieldsV1(entry["fieldsV1"]));
    }

    private static string? Text(JsonObject entry, string name) =>
        entry[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
