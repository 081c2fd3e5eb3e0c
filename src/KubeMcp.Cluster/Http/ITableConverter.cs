using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Http;

/// <summary>Turns objects into the <c>meta.k8s.io/v1 Table</c> that kubectl prints.</summary>
internal interface ITableConverter
{
    JsonObject ToTable(ResourceType type, IReadOnlyList<JsonObject> items, string? includeObject, long? resourceVersion, string? continueToken, long? remaining);
}
