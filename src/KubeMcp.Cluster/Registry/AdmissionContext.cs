using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Registry;

/// <summary>What an admission plugin knows about the write it is admitting.</summary>
internal sealed record AdmissionContext(
    ObjectRegistry Registry,
    ResourceType Type,
    AdmissionOperation Operation,
    string? Subresource,
    WriteOptions Options)
{
    /// <summary>The stored object before an update; null on create.</summary>
    public JsonObject? Old { get; init; }
}
