using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Tools;

/// <summary>
/// What the agent knows about one tool: its name, description, input JSON schema and the MCP behaviour hints.
/// </summary>
/// <remarks>
/// Hints are kept as given (<c>null</c> when the server did not say). The <c>Is…</c> properties apply the MCP
/// defaults: a tool that is not read-only is assumed destructive unless it says otherwise, so an unannotated
/// tool needs approval.
/// </remarks>
public sealed record ToolDescriptor(string Name, string Description, JsonObject InputSchema)
{
    /// <summary>The tool's human-readable title, if any.</summary>
    public string? Title { get; init; }

    /// <summary>MCP <c>readOnlyHint</c> as sent by the server.</summary>
    public bool? ReadOnlyHint { get; init; }

    /// <summary>MCP <c>destructiveHint</c> as sent by the server.</summary>
    public bool? DestructiveHint { get; init; }

    /// <summary>MCP <c>idempotentHint</c> as sent by the server.</summary>
    public bool? IdempotentHint { get; init; }

    /// <summary>The tool does not change anything (MCP default: false).</summary>
    public bool IsReadOnly => ReadOnlyHint ?? false;

    /// <summary>The tool may destroy or overwrite state (MCP default: true unless read-only).</summary>
    public bool IsDestructive => !IsReadOnly && (DestructiveHint ?? true);

    /// <summary>Calling the tool twice with the same arguments has no further effect (MCP default: false).</summary>
    public bool IsIdempotent => IsReadOnly || (IdempotentHint ?? false);

    /// <summary>The tool's declared parameters (the schema's <c>properties</c>), empty when it takes none.</summary>
    public JsonObject Properties => InputSchema["properties"] as JsonObject ?? [];

    /// <summary>Names of the parameters the schema marks required.</summary>
    public IReadOnlyList<string> Required =>
        InputSchema["required"] is JsonArray required
            ? [.. required.Select(n => n?.GetValue<string>()).OfType<string>()]
            : [];

    /// <summary>Creates a descriptor from a schema given as JSON text (convenient in tests and fakes).</summary>
    public static ToolDescriptor Create(string name, string description, string inputSchemaJson) =>
        new(name, description, JsonNode.Parse(inputSchemaJson) as JsonObject
            ?? throw new ArgumentException("The input schema must be a JSON object.", nameof(inputSchemaJson)));
}
