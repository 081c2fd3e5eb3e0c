using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Http;

/// <summary>A read-only resource computed on request rather than stored, such as <c>metrics.k8s.io</c> pod metrics.</summary>
internal interface IComputedResource
{
    string StorageKey { get; }

    IReadOnlyList<JsonObject> List(ResourceType type, string? ns);
}
