using System.Text.Json.Nodes;

namespace KubeMcp.Cli.Evaluation.Scripted;

/// <summary>A request the scripted model server received.</summary>
/// <param name="Path">The URL path, e.g. <c>/v1/chat/completions</c>.</param>
/// <param name="Body">The request body.</param>
/// <param name="Authorization">The Authorization header, empty when none was sent.</param>
internal sealed record RecordedRequest(string Path, string Body, string Authorization)
{
    /// <summary>The body as JSON.</summary>
    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;
}
