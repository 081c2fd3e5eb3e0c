using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;
using KubeMcp.Cluster.Serialization.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeMcp.Cluster.Http;

/// <summary>Reads request bodies as the API server does: JSON, YAML or Kubernetes protobuf, at most 3 MiB.</summary>
internal static class RequestBody
{
    /// <summary>The API server's request size limit.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct) =>
        Encoding.UTF8.GetString(await ReadBytesAsync(request, ct));

    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken ct)
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
        return buffer.ToArray();
    }

    /// <summary>
    /// Reads the body as one JSON value; YAML and Kubernetes protobuf (what typed clients such as kubectl's create
    /// commands send) are accepted when the content type says so.
    /// </summary>
    public static async Task<JsonNode> ReadNodeAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await ReadBytesAsync(request, ct);
        var contentType = request.ContentType ?? "application/json";
        var mediaType = contentType.Split(';')[0].Trim();
        if (mediaType.Equals(ProtobufDecoder.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return DecodeProtobuf(request, body);
        }
        var yaml = mediaType.EndsWith("yaml", StringComparison.OrdinalIgnoreCase);
        if (!yaml && mediaType.Length > 0 && !mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && !mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format ({mediaType}) - accepted media types include: application/json, application/yaml, {ProtobufDecoder.MediaType}");
        }
        var text = Encoding.UTF8.GetString(body);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiException.BadRequest("the request body is empty: send a JSON or YAML object");
        }
        if (yaml)
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

    private static JsonObject DecodeProtobuf(HttpRequest request, byte[] body)
    {
        var result = ProtobufDecoder.Default.Decode(body);
        if (result.UnknownFields.Count > 0)
        {
            // The object is still accepted, as a newer client's extra fields are by a real server's JSON decoding.
            request.HttpContext.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ProtobufDecoder))
                .LogWarning("Skipped protobuf fields unknown to the embedded cluster in {Kind} ({ApiVersion}): {Fields}",
                    result.Object["kind"]?.ToString(), result.Object["apiVersion"]?.ToString(), string.Join(", ", result.UnknownFields));
        }
        return result.Object;
    }

    private static ApiException TooLarge() =>
        new(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");
}
