using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Http;

/// <summary>Writes JSON responses and Status errors.</summary>
internal static class ResponseWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    public static async Task WriteAsync(HttpContext ctx, int status, JsonNode body, string contentType = "application/json")
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        await using var writer = new Utf8JsonWriter(ctx.Response.BodyWriter, WriterOptions);
        body.WriteTo(writer);
        await writer.FlushAsync(ctx.RequestAborted);
    }

    /// <summary>Writes a list without building one big tree: items are written straight from the store's snapshots.</summary>
    public static async Task WriteListAsync(HttpContext ctx, string apiVersion, string kind, IReadOnlyList<JsonObject> items,
        long resourceVersion, string? continueToken, long? remaining)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(ctx.Response.BodyWriter, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("kind", kind + "List");
        writer.WriteString("apiVersion", apiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (continueToken is not null)
        {
            writer.WriteString("continue", continueToken);
            if (remaining is long r)
            {
                writer.WriteNumber("remainingItemCount", r);
            }
        }
        writer.WriteEndObject();
        writer.WriteStartArray("items");
        for (var i = 0; i < items.Count; i++)
        {
            items[i].WriteTo(writer);
            if (i % 256 == 255)
            {
                // The writer's flush only commits to the pipe; flushing the pipe sends the bytes (and waits while
                // the client is behind), so a long list is not held in the server's buffers whole.
                await writer.FlushAsync(ctx.RequestAborted);
                await ctx.Response.BodyWriter.FlushAsync(ctx.RequestAborted);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ctx.RequestAborted);
    }

    /// <summary>Writes a list as a Table, row by row (see <see cref="Printing.TableWriter"/>).</summary>
    public static async Task WriteTableAsync(HttpContext ctx, ResourceType type, IReadOnlyList<JsonObject> items, DateTimeOffset now,
        Printing.IncludeObject include, long resourceVersion, string? continueToken, long? remaining)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = MediaTypes.Table;
        await using var writer = new Utf8JsonWriter(ctx.Response.BodyWriter, WriterOptions);
        await Printing.TableWriter.WriteAsync(writer, type, items, now, include,
            resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), continueToken, remaining, ctx.RequestAborted,
            ctx.Response.BodyWriter);
    }

    /// <summary>The plain-text 404 Go's HTTP mux answers for an unknown path (kubelet endpoints answer this way).</summary>
    public static async Task WritePageNotFoundAsync(HttpContext ctx)
    {
        ctx.Response.StatusCode = 404;
        ctx.Response.ContentType = "text/plain; charset=utf-8";
        await ctx.Response.WriteAsync("404 page not found\n", ctx.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext ctx, ApiException error)
    {
        if (ctx.Response.HasStarted)
        {
            return Task.CompletedTask;
        }
        return WriteAsync(ctx, error.Code, error.ToStatus());
    }

    public static JsonObject SuccessStatus(string? name = null, string? kind = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
        };
        if (name is not null)
        {
            status["details"] = new JsonObject { ["name"] = name, ["kind"] = kind };
        }
        return status;
    }
}
