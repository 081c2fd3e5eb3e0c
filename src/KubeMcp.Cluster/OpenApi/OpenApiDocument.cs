namespace KubeMcp.Cluster.OpenApi;

/// <summary>A serialized OpenAPI document and the hash clients use as its cache key.</summary>
/// <param name="Content">UTF-8 JSON, served as <c>application/json</c>.</param>
/// <param name="Hash">Upper-case hex SHA-512 fingerprint; also a suitable strong ETag (quoted).</param>
internal sealed record OpenApiDocument(byte[] Content, string Hash)
{
    public string ETag => $"\"{Hash}\"";
}
