using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Registry;

/// <summary>One page of a list, with the collection's resourceVersion and the token for the next page.</summary>
internal sealed record ListResult(IReadOnlyList<JsonObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);
