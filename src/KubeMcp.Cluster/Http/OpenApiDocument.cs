namespace KubeMcp.Cluster.Http;

/// <summary>A serialized OpenAPI document and the content hash clients cache it by.</summary>
internal sealed record OpenApiDocument(ReadOnlyMemory<byte> Json, string Hash);
