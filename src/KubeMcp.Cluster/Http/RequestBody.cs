using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Http;

/// <summary>Reads request bodies as the API server does: JSON or YAML, at most 3 MiB.</summary>
internal static class RequestBody
{
    /// <summary>The API server's request size limit.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads the body as one JSON value; YAML is accepted when the content type says so.</summary>
    public static async Task<JsonNode> ReadNodeAsync(HttpRequest request, CancellationToken ct)
    {
        var text = await ReadTextAsync(request, ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiException.BadRequest("the request body is empty: send a JSON or YAML object");
        }
        var contentType = request.ContentType ?? "application/json";
        if (contentType.Contains("protobuf", StringComparison.OrdinalIgnoreCase) || contentType.Contains("cbor", StringComparison.OrdinalIgnoreCase))
        {
            // Binary encodings are not decoded yet: say so instead of misreading the bytes.
            throw new ApiException(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format ({contentType}) - accepted media types include: application/json, application/yaml");
        }
        if (contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase))
        {
            var docs = YamlDocuments.Parse(text);
            return docs.Count == 1 ? docs[0] : throw ApiException.BadRequest("the request body must hold exactly one YAML document");
        }
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })
                ?? throw ApiException.BadRequest("the request body is null: send a JSON object");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"the request body is not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct) =>
        await ReadNodeAsync(request, ct) as JsonObject
        ?? throw ApiException.BadRequest("the request body must be a JSON object (a Kubernetes object with apiVersion, kind and metadata)");

    private static ApiException TooLarge() =>
        new(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");
}
