using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.OpenApi;
using KubeMcp.Cluster.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KubeMcp.Cluster.Http;

/// <summary>
/// The API server's front door: health, version, discovery, OpenAPI and the resource routes, with every failure
/// turned into a Status object at this one boundary.
/// </summary>
internal sealed class ApiHandler(ResourceCatalog catalog, ResourceHandler resources, RequestSecurity security, ILogger logger)
{
    private (int Version, OpenApiDocuments Documents) _openApi = (catalog.Version, new OpenApiDocuments(catalog.All));

    public static readonly JsonObject VersionInfo = new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.4+kubemcp",
        ["gitCommit"] = "kubemcp-embedded",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-11-25T00:00:00Z",
        ["goVersion"] = "go1.23.6",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public async Task HandleAsync(HttpContext ctx)
    {
        try
        {
            await RouteAsync(ctx);
        }
        catch (ApiException e)
        {
            await ResponseWriter.WriteErrorAsync(ctx, e);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "{Method} {Path} failed", ctx.Request.Method, ctx.Request.Path);
            await ResponseWriter.WriteErrorAsync(ctx, new ApiException(500, "InternalError",
                "an error on the server prevented the request from succeeding; the embedded cluster's log has the details"));
        }
    }

    private async Task RouteAsync(HttpContext ctx)
    {
        security.Check(ctx);
        var path = ctx.Request.Path.Value ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            await ResponseWriter.WriteAsync(ctx, 200, new JsonObject
            {
                ["paths"] = new JsonArray("/api", "/api/v1", "/apis", "/healthz", "/livez", "/openapi/v2", "/openapi/v3", "/readyz", "/version"),
            });
            return;
        }
        switch (segments[0])
        {
            case "version":
                await ResponseWriter.WriteAsync(ctx, 200, VersionInfo);
                return;
            case "healthz" or "readyz" or "livez":
                ctx.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.Response.WriteAsync("ok", ctx.RequestAborted);
                return;
            case "openapi":
                await ServeOpenApiAsync(ctx, segments);
                return;
            case "api":
                await ServeCoreAsync(ctx, segments);
                return;
            case "apis":
                await ServeGroupsAsync(ctx, segments);
                return;
            default:
                throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
    }

    private async Task ServeCoreAsync(HttpContext ctx, string[] segments)
    {
        if (segments.Length == 1)
        {
            await WriteDiscoveryAsync(ctx, () => DiscoveryDocuments.Aggregated(catalog, core: true),
                () => DiscoveryDocuments.Versions(ctx.Request.Host.ToString()));
            return;
        }
        if (segments[1] != "v1")
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        await ServeGroupVersionAsync(ctx, "", "v1", segments[2..]);
    }

    private async Task ServeGroupsAsync(HttpContext ctx, string[] segments)
    {
        if (segments.Length == 1)
        {
            await WriteDiscoveryAsync(ctx, () => DiscoveryDocuments.Aggregated(catalog, core: false), () => DiscoveryDocuments.GroupList(catalog));
            return;
        }
        var group = segments[1];
        if (!catalog.Groups.Contains(group))
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        if (segments.Length == 2)
        {
            await ResponseWriter.WriteAsync(ctx, 200, DiscoveryDocuments.Group(catalog, group));
            return;
        }
        var version = segments[2];
        if (!DiscoveryDocuments.VersionsOf(catalog, group).Contains(version))
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        await ServeGroupVersionAsync(ctx, group, version, segments[3..]);
    }

    private async Task ServeGroupVersionAsync(HttpContext ctx, string group, string version, string[] rest)
    {
        if (rest.Length == 0)
        {
            await ResponseWriter.WriteAsync(ctx, 200, DiscoveryDocuments.ResourceList(catalog, group, version));
            return;
        }
        var resourcePath = ResourcePath.Parse(catalog, group, version, rest)!;
        await resources.HandleAsync(ctx, resourcePath);
    }

    private static Task WriteDiscoveryAsync(HttpContext ctx, Func<JsonObject> aggregated, Func<JsonObject> legacy) =>
        MediaTypes.WantsAggregatedDiscovery(ctx.Request)
            ? ResponseWriter.WriteAsync(ctx, 200, aggregated(), DiscoveryDocuments.AggregatedContentType)
            : ResponseWriter.WriteAsync(ctx, 200, legacy());

    private async Task ServeOpenApiAsync(HttpContext ctx, string[] segments)
    {
        var documents = OpenApi();
        var document = segments switch
        {
            // kubectl asks for v2 as protobuf only and can't read JSON there; a 404 makes it use v3.
            ["openapi", "v2"] when !AcceptsJson(ctx.Request) => null,
            ["openapi", "v2"] => documents.GetV2(),
            ["openapi", "v3"] => documents.GetV3Index(),
            ["openapi", "v3", .. var gv] => documents.GetV3(string.Join('/', gv)),
            _ => null,
        } ?? throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        ctx.Response.Headers.ETag = document.ETag;
        await ctx.Response.Body.WriteAsync(document.Content, ctx.RequestAborted);
    }

    /// <summary>Starts building the OpenAPI documents in the background (the first build reads the model docs).</summary>
    public void PrebuildOpenApi() => _ = Task.Run(() => OpenApi().Prebuild());

    private OpenApiDocuments OpenApi()
    {
        var current = _openApi;
        var version = catalog.Version;
        if (current.Version == version)
        {
            return current.Documents;
        }
        var rebuilt = current.Documents.WithResources(catalog.All);
        _openApi = (version, rebuilt);
        return rebuilt;
    }

    private static bool AcceptsJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Length == 0 || accept.Contains("json", StringComparison.OrdinalIgnoreCase) || accept.Contains("*/*", StringComparison.Ordinal);
    }
}
