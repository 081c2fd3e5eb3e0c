using System.Text.Json.Nodes;

namespace KubeMcp.Tests.Agent.Fakes;

internal sealed record RecordedRequest(string Path, string Body, string Authorization)
{
    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;
}
