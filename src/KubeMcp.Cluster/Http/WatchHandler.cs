using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Printing;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Selectors;
using KubeMcp.Cluster.Store;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Http;

/// <summary>
/// Streams watch events as newline-delimited JSON (<c>{"type":"ADDED","object":{…}}</c>), the wire format client-go
/// and kubectl read; as Tables when the client asked for Tables.
/// </summary>
internal sealed class WatchHandler(ObjectRegistry registry, TimeProvider clock)
{
    /// <summary>Watches end after this long unless the client set timeoutSeconds, so clients re-list periodically.</summary>
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public async Task HandleAsync(HttpContext ctx, ResourceType type, string? ns, string? name)
    {
        var request = ctx.Request;
        var labels = LabelSelector.Parse(request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(request.Query["fieldSelector"], type.Kind);
        var rvText = request.Query["resourceVersion"].ToString();
        long? from = null;
        if (rvText.Length > 0 && rvText != "0")
        {
            from = long.TryParse(rvText, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
                ? rv
                : throw ApiException.BadRequest($"invalid resourceVersion \"{rvText}\": must be a number returned by a list or get");
        }
        var sendInitial = from is null;
        var nsFilter = type.Namespaced ? ns : null;
        bool Filter(WatchEvent e) =>
            (nsFilter is null || e.Namespace == nsFilter) && (name is null || e.Name == name)
            && labels.Matches(e.Object.Labels()) && fields.Matches(e.Object);
        var asTable = MediaTypes.WantsTable(request);
        ObjectStore.Watcher watcher;
        try
        {
            watcher = registry.Store.Watch(type.StorageKey, from, sendInitial, Filter);
        }
        catch (ApiException e) when (e.Code == 410)
        {
            // Like the API server's watch cache: a resourceVersion too old to resume from is an ERROR event in an
            // otherwise normal watch response, which clients answer with a fresh list.
            await StartAsync(ctx, asTable);
            await WriteEventAsync(ctx, "ERROR", e.ToStatus());
            return;
        }
        using var subscription = watcher;
        var includeObject = IncludeObjectParser.Parse(request.Query["includeObject"]);
        await StartAsync(ctx, asTable);

        var timeout = QueryOptions.TimeoutSeconds(request) is long s ? TimeSpan.FromSeconds(s) : DefaultTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted);
        using var timer = clock.CreateTimer(_ => cts.Cancel(), null, timeout, Timeout.InfiniteTimeSpan);
        var first = true;
        try
        {
            while (await watcher.Events.WaitToReadAsync(cts.Token))
            {
                while (watcher.Events.TryRead(out var e))
                {
                    JsonNode obj = asTable
                        ? TablePrinter.ToObjectTable(type, e.Object, clock.GetUtcNow(), includeObject, noHeaders: !first)
                        : ServedAs(type, e.Object);
                    first = false;
                    await WriteEventAsync(ctx, e.Type switch
                    {
                        WatchEventType.Added => "ADDED",
                        WatchEventType.Modified => "MODIFIED",
                        _ => "DELETED",
                    }, obj);
                }
                await ctx.Response.Body.FlushAsync(cts.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Client went away or the watch timed out: both end the stream normally.
        }
    }

    private static async Task StartAsync(HttpContext ctx, bool asTable)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = asTable ? MediaTypes.Table : "application/json";
        ctx.Response.Headers.CacheControl = "no-cache, private";
        await ctx.Response.StartAsync(ctx.RequestAborted);
    }

    private static JsonObject ServedAs(ResourceType type, JsonObject obj)
    {
        if (obj["apiVersion"]?.ToString() == type.ApiVersion)
        {
            return obj;
        }
        var copy = obj.DeepClone().AsObject();
        copy["apiVersion"] = type.ApiVersion;
        return copy;
    }

    private static async Task WriteEventAsync(HttpContext ctx, string type, JsonNode obj)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            obj.WriteTo(writer);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        await ctx.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ctx.RequestAborted);
    }
}
