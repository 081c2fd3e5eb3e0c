using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Tools;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Agent.Mcp;

/// <summary>
/// What an MCP server offered at one moment: who it is, the protocol version agreed on, and every tool with its full
/// schema and annotations. Written as <c>tools_catalog.json</c>; the format is documented in docs/tools-catalog.md.
/// </summary>
public sealed record ToolCatalog(
    ToolCatalogServer Server,
    string ProtocolVersion,
    string Transport,
    string Endpoint,
    DateTimeOffset DiscoveredAt,
    IReadOnlyList<ToolCatalogTool> Tools,
    string? Instructions = null)
{
    /// <summary>The format version written in <c>catalogVersion</c>; readers reject versions they do not know.</summary>
    public const int FormatVersion = 1;

    /// <summary><see cref="Transport"/> for Streamable HTTP.</summary>
    public const string StreamableHttp = "streamable-http";

    /// <summary><see cref="Transport"/> for a stdio child process.</summary>
    public const string Stdio = "stdio";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable descriptions: keep ' < > & as they are
    };

    /// <summary>A catalog of <paramref name="tools"/> as listed over <paramref name="connection"/>, sorted by name.</summary>
    public static ToolCatalog Create(McpConnection connection, IEnumerable<Tool> tools, DateTimeOffset discoveredAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tools);
        var options = connection.Options;
        return new ToolCatalog(
            new ToolCatalogServer(connection.ServerName, connection.ServerVersion, connection.ServerTitle),
            connection.ProtocolVersion,
            options.IsStdio ? Stdio : StreamableHttp,
            options.IsStdio ? CommandLineSplitter.Split(options.StdioCommand!)[0] : PublicUrl(options.Url),
            discoveredAt,
            [.. tools.Select(ToolCatalogTool.FromProtocol).OrderBy(t => t.Name, StringComparer.Ordinal)],
            connection.Instructions);
    }

    /// <summary>The tools as descriptors, for argument checks and the agent.</summary>
    public IReadOnlyList<ToolDescriptor> Descriptors() => [.. Tools.Select(t => t.ToDescriptor())];

    /// <summary>The catalog as indented JSON, properties in a fixed order, absent values left out.</summary>
    public string ToJson() => ToJsonObject().ToJsonString(WriteOptions) + "\n";

    /// <summary>The catalog as a JSON object (the document <see cref="ToJson"/> writes).</summary>
    public JsonObject ToJsonObject()
    {
        var server = new JsonObject { ["name"] = Server.Name };
        AddIfSet(server, "title", Server.Title);
        server["version"] = Server.Version;
        var root = new JsonObject
        {
            ["catalogVersion"] = FormatVersion,
            ["server"] = server,
            ["protocolVersion"] = ProtocolVersion,
            ["transport"] = Transport,
            ["endpoint"] = Endpoint,
            ["discoveredAt"] = DiscoveredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        AddIfSet(root, "instructions", Instructions);
        root["tools"] = new JsonArray([.. Tools.Select(t => t.ToJsonObject())]);
        return root;
    }

    /// <summary>Reads a catalog written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">The text is not a catalog of a known version; the message names the field.</exception>
    public static ToolCatalog Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The tool catalog is not valid JSON: {ex.Message}", ex);
        }

        var root = node as JsonObject ?? throw new FormatException("The tool catalog must be a JSON object.");
        var version = root["catalogVersion"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
        if (version != FormatVersion)
        {
            throw new FormatException(version is null
                ? "The tool catalog has no catalogVersion number; is this a tools_catalog.json file?"
                : $"The tool catalog has catalogVersion {version}; this version of kubemcp reads version {FormatVersion}.");
        }

        var serverJson = Required<JsonObject>(root, "server", "");
        var server = new ToolCatalogServer(RequiredString(serverJson, "name", "server."), RequiredString(serverJson, "version", "server."), OptionalString(serverJson, "title", "server."));
        var tools = Required<JsonArray>(root, "tools", "");
        var discoveredAt = RequiredString(root, "discoveredAt", "");
        if (!DateTimeOffset.TryParse(discoveredAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            throw new FormatException($"The tool catalog's discoveredAt '{discoveredAt}' is not a date and time.");
        }

        return new ToolCatalog(
            server,
            RequiredString(root, "protocolVersion", ""),
            RequiredString(root, "transport", ""),
            RequiredString(root, "endpoint", ""),
            at,
            [.. tools.Select((t, i) => ParseTool(t as JsonObject ?? throw new FormatException($"The tool catalog's tools[{i}] must be an object."), $"tools[{i}]."))],
            OptionalString(root, "instructions", ""));
    }

    private static ToolCatalogTool ParseTool(JsonObject tool, string path)
    {
        var annotations = tool["annotations"] as JsonObject ?? [];
        return new ToolCatalogTool(
            RequiredString(tool, "name", path),
            OptionalString(tool, "description", path) ?? "",
            (JsonObject)Required<JsonObject>(tool, "inputSchema", path).DeepClone(),
            new ToolCatalogAnnotations(
                OptionalString(annotations, "title", path + "annotations."),
                OptionalBool(annotations, "readOnlyHint", path + "annotations."),
                OptionalBool(annotations, "destructiveHint", path + "annotations."),
                OptionalBool(annotations, "idempotentHint", path + "annotations."),
                OptionalBool(annotations, "openWorldHint", path + "annotations.")),
            OptionalString(tool, "title", path),
            tool["outputSchema"] is JsonObject output ? (JsonObject)output.DeepClone() : null);
    }

    private static T Required<T>(JsonObject obj, string name, string path)
        where T : JsonNode =>
        obj[name] as T ?? throw new FormatException($"The tool catalog's {path}{name} is missing or is not {(typeof(T) == typeof(JsonArray) ? "an array" : "an object")}.");

    private static string RequiredString(JsonObject obj, string name, string path) =>
        OptionalString(obj, name, path) ?? throw new FormatException($"The tool catalog's {path}{name} is missing.");

    private static string? OptionalString(JsonObject obj, string name, string path) => obj[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new FormatException($"The tool catalog's {path}{name} must be a string."),
    };

    private static bool? OptionalBool(JsonObject obj, string name, string path) => obj[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw new FormatException($"The tool catalog's {path}{name} must be true or false."),
    };

    private static void AddIfSet(JsonObject obj, string name, string? value)
    {
        if (value is not null)
        {
            obj[name] = value;
        }
    }

    private static string PublicUrl(Uri url)
    {
        // Credentials in the URL (user info, query tokens) must not end up in a file people share.
        var builder = new UriBuilder(url) { UserName = "", Password = "", Query = "", Fragment = "" };
        return builder.Uri.ToString();
    }
}
