using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Printing;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Validation;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Http;

/// <summary>The REST verbs on stored resources: get, list, watch, create, update, patch, delete, deletecollection.</summary>
internal sealed class ResourceHandler(
    ObjectRegistry registry,
    WatchHandler watch,
    IReadOnlyDictionary<(string, string), ISubresourceHandler> subresources,
    IReadOnlyDictionary<string, IComputedResource> computed,
    IReadOnlyDictionary<string, IReviewHandler> reviews)
{
    public async Task HandleAsync(HttpContext ctx, ResourcePath path)
    {
        var request = ctx.Request;
        var type = path.Type;
        if (path.Subresource is { } sub)
        {
            if (subresources.TryGetValue((type.StorageKey, sub), out var handler))
            {
                await handler.HandleAsync(ctx, path);
                return;
            }
            await HandleBuiltinSubresourceAsync(ctx, path);
            return;
        }
        if (computed.TryGetValue(type.StorageKey, out var source))
        {
            await HandleComputedAsync(ctx, path, source);
            return;
        }
        if (type.IsVirtual)
        {
            await HandleReviewAsync(ctx, path);
            return;
        }
        var ns = path.Namespace;
        switch (request.Method, path.Name)
        {
            case ("GET", null) when QueryOptions.IsWatch(request):
                Require(type, "watch");
                await watch.HandleAsync(ctx, type, ns, null);
                break;
            case ("GET", null):
                Require(type, "list");
                await ListAsync(ctx, type, ns);
                break;
            case ("GET", { } name) when QueryOptions.IsWatch(request):
                await watch.HandleAsync(ctx, type, ns, name);
                break;
            case ("GET", { } name):
                Require(type, "get");
                await WriteObjectAsync(ctx, 200, type, registry.Get(type, ns, name));
                break;
            case ("POST", null):
                Require(type, "create");
                var body = CheckFields(ctx, type, await ReadTypedObjectAsync(ctx, type));
                await WriteObjectAsync(ctx, 201, type, registry.Create(type, ns, body, QueryOptions.Write(request)));
                break;
            case ("PUT", { } name):
                Require(type, "update");
                var replacement = CheckFields(ctx, type, await ReadTypedObjectAsync(ctx, type));
                await WriteObjectAsync(ctx, 200, type, registry.Update(type, ns, name, replacement, QueryOptions.Write(request)));
                break;
            case ("PATCH", { } name):
                Require(type, "patch");
                await PatchAsync(ctx, path, name, subresource: null);
                break;
            case ("DELETE", { } name):
                Require(type, "delete");
                var options = await ReadDeleteOptionsAsync(ctx);
                var deleted = registry.Delete(type, ns, name, options);
                var pending = deleted["metadata"]?["deletionTimestamp"] is not null && registry.TryGet(type, ns, name) is not null;
                await WriteObjectAsync(ctx, pending ? 202 : 200, type, deleted);
                break;
            case ("DELETE", null):
                Require(type, "deletecollection");
                var deleteOptions = await ReadDeleteOptionsAsync(ctx);
                var removed = registry.DeleteCollection(type, ns, QueryOptions.List(request), deleteOptions);
                await ResponseWriter.WriteListAsync(ctx, type.ApiVersion, type.Kind, removed, registry.Store.ResourceVersion, null, null);
                break;
            default:
                throw ApiException.MethodNotAllowed($"the server does not allow this method on the requested resource");
        }
    }

    private async Task ListAsync(HttpContext ctx, ResourceType type, string? ns)
    {
        var result = registry.List(type, ns, QueryOptions.List(ctx.Request));
        if (MediaTypes.WantsTable(ctx.Request))
        {
            await ResponseWriter.WriteTableAsync(ctx, type, result.Items, registry.Clock.GetUtcNow(),
                IncludeObjectParser.Parse(ctx.Request.Query["includeObject"]), result.ResourceVersion, result.Continue, result.RemainingItemCount);
            return;
        }
        await ResponseWriter.WriteListAsync(ctx, type.ApiVersion, type.Kind, result.Items, result.ResourceVersion, result.Continue, result.RemainingItemCount);
    }

    private async Task WriteObjectAsync(HttpContext ctx, int status, ResourceType type, JsonObject obj)
    {
        if (MediaTypes.WantsTable(ctx.Request))
        {
            var table = TablePrinter.ToObjectTable(type, obj, registry.Clock.GetUtcNow(), IncludeObjectParser.Parse(ctx.Request.Query["includeObject"]));
            await ResponseWriter.WriteAsync(ctx, status, table, MediaTypes.Table);
            return;
        }
        await ResponseWriter.WriteAsync(ctx, status, obj);
    }

    private async Task PatchAsync(HttpContext ctx, ResourcePath path, string name, string? subresource)
    {
        var type = path.Type;
        var patchType = PatchApplier.Normalize(ctx.Request.ContentType);
        var patch = await RequestBody.ReadNodeAsync(ctx.Request, ctx.RequestAborted);
        var write = QueryOptions.Write(ctx.Request);
        if (patchType == PatchApplier.ApplyPatchType)
        {
            if (ctx.Request.Query["fieldManager"].Count == 0)
            {
                throw ApiException.BadRequest("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
            }
            var applied = CheckFields(ctx, type, patch as JsonObject ?? throw ApiException.BadRequest("an apply patch must be a single object"));
            var force = ctx.Request.Query["force"].ToString() == "true";
            await WriteObjectAsync(ctx, 200, type, ApplyHandler.Apply(registry, type, path.Namespace, name, applied, write, force, subresource, out var created) , created);
            return;
        }
        for (var attempt = 0; ; attempt++)
        {
            var current = registry.Get(type, path.Namespace, name);
            var patched = CheckFields(ctx, type, PatchApplier.Apply(type, patchType, current, patch));
            patched.Meta()["resourceVersion"] = current["metadata"]?["resourceVersion"]?.DeepClone();
            try
            {
                var updated = registry.Update(type, path.Namespace, name, patched, write, subresource);
                await WriteObjectAsync(ctx, 200, type, updated);
                return;
            }
            catch (ApiException e) when (e.Code == 409 && e.Reason == "Conflict" && attempt < 5 && !HasPreconditionInPatch(patch))
            {
                // A concurrent writer won; a patch is re-applied to the fresh object, as the API server does.
            }
        }
    }

    private Task WriteObjectAsync(HttpContext ctx, int status, ResourceType type, JsonObject obj, bool created) =>
        WriteObjectAsync(ctx, created ? 201 : status, type, obj);

    /// <summary>
    /// Server-side field validation (the <c>fieldValidation</c> query, Warn by default): unknown fields are an error
    /// (Strict), a <c>Warning</c> header (Warn) or ignored, and then dropped, as the API server's decoder drops them.
    /// </summary>
    private static JsonObject CheckFields(HttpContext ctx, ResourceType type, JsonObject obj)
    {
        var mode = FieldValidationParser.Parse(ctx.Request.Query["fieldValidation"]);
        var result = ObjectValidator.CheckFields(type, obj, mode);
        result.ThrowIfRejected();
        foreach (var warning in result.Warnings)
        {
            ctx.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
        if (result.UnknownFields.Count > 0)
        {
            ObjectValidator.RemoveUnknownFields(type, obj);
        }
        return obj;
    }

    private static bool HasPreconditionInPatch(JsonNode patch) =>
        patch is JsonObject o && o["metadata"]?["resourceVersion"] is not null;

    private async Task HandleBuiltinSubresourceAsync(HttpContext ctx, ResourcePath path)
    {
        var type = path.Type;
        var name = path.Name ?? throw ApiException.MethodNotAllowed("a subresource needs an object name");
        switch (path.Subresource, ctx.Request.Method)
        {
            case ("status", "GET"):
                await WriteObjectAsync(ctx, 200, type, registry.Get(type, path.Namespace, name));
                break;
            case ("status", "PUT"):
                var body = await ReadTypedObjectAsync(ctx, type);
                await WriteObjectAsync(ctx, 200, type, registry.Update(type, path.Namespace, name, body, QueryOptions.Write(ctx.Request), "status"));
                break;
            case ("status", "PATCH"):
                await PatchAsync(ctx, path, name, "status");
                break;
            case ("scale", "GET"):
                await ResponseWriter.WriteAsync(ctx, 200, ScaleSubresource.ToScale(registry.Get(type, path.Namespace, name)));
                break;
            case ("scale", "PUT" or "PATCH"):
                await ScaleAsync(ctx, path, name);
                break;
            default:
                throw new ApiException(405, "MethodNotAllowed",
                    $"{type.Plural}/{path.Subresource} does not support {ctx.Request.Method} in the embedded cluster");
        }
    }

    private async Task ScaleAsync(HttpContext ctx, ResourcePath path, string name)
    {
        var type = path.Type;
        JsonObject? body = null;
        JsonNode? patch = null;
        string? patchType = null;
        if (ctx.Request.Method == "PUT")
        {
            body = await RequestBody.ReadObjectAsync(ctx.Request, ctx.RequestAborted);
        }
        else
        {
            patchType = PatchApplier.Normalize(ctx.Request.ContentType);
            patch = await RequestBody.ReadNodeAsync(ctx.Request, ctx.RequestAborted);
        }
        // Only a resourceVersion the client sent (in its Scale or its patch) is a precondition. Without one the
        // change applies to the object as it is when written: like kube-apiserver, retry when a controller wrote first.
        var precondition = (body ?? patch)?["metadata"]?["resourceVersion"]?.ToString() is { Length: > 0 } rv ? rv : null;
        for (var attempt = 1; ; attempt++)
        {
            var current = registry.Get(type, path.Namespace, name);
            var desired = body ?? (patchType == PatchApplier.ApplyPatchType
                ? (JsonObject)Patching.MergePatch.Apply(ScaleSubresource.ToScale(current), patch)!
                : PatchApplier.Apply(ResourceCatalogScale, patchType == PatchApplier.StrategicPatchType ? PatchApplier.MergePatchType : patchType!,
                    ScaleSubresource.ToScale(current), patch!));
            var next = current.DeepClone().AsObject();
            next.Ensure("spec")["replicas"] = ScaleSubresource.DesiredReplicas(desired, name);
            next.Meta()["resourceVersion"] = precondition ?? current.Meta()["resourceVersion"]?.DeepClone();
            try
            {
                var updated = registry.Update(type, path.Namespace, name, next, QueryOptions.Write(ctx.Request));
                await ResponseWriter.WriteAsync(ctx, 200, ScaleSubresource.ToScale(updated));
                return;
            }
            catch (ApiException e) when (e.Code == 409 && precondition is null && attempt < MaxScaleAttempts)
            {
            }
        }
    }

    private const int MaxScaleAttempts = 5;

    private static readonly ResourceType ResourceCatalogScale =
        new("autoscaling", "v1", "Scale", "scales", true, [], ["get", "patch", "update"], [], []);

    private async Task HandleComputedAsync(HttpContext ctx, ResourcePath path, IComputedResource source)
    {
        if (ctx.Request.Method != "GET")
        {
            throw ApiException.MethodNotAllowed($"{path.Type.Plural}.{path.Type.Group} is read-only");
        }
        var items = source.List(path.Type, path.Namespace);
        if (path.Name is { } name)
        {
            var item = items.FirstOrDefault(i => i.Name() == name) ?? throw ApiException.NotFound(path.Type, name);
            await ResponseWriter.WriteAsync(ctx, 200, item);
            return;
        }
        var selector = Selectors.LabelSelector.Parse(ctx.Request.Query["labelSelector"]);
        var matching = items.Where(i => selector.Matches(i.Labels())).ToList();
        await ResponseWriter.WriteListAsync(ctx, path.Type.ApiVersion, path.Type.Kind, matching, registry.Store.ResourceVersion, null, null);
    }

    private async Task HandleReviewAsync(HttpContext ctx, ResourcePath path)
    {
        if (ctx.Request.Method != "POST" || path.Name is not null)
        {
            throw ApiException.MethodNotAllowed($"{path.Type.Plural} only supports create");
        }
        if (!reviews.TryGetValue(path.Type.StorageKey, out var reviewer))
        {
            throw new ApiException(404, "NotFound", $"{path.Type.Plural} are not served by the embedded cluster");
        }
        var body = await ReadTypedObjectAsync(ctx, path.Type);
        var result = reviewer.Review(ctx, path.Namespace, body);
        await ResponseWriter.WriteAsync(ctx, 201, result);
    }

    private static async Task<JsonObject> ReadTypedObjectAsync(HttpContext ctx, ResourceType type)
    {
        var obj = await RequestBody.ReadObjectAsync(ctx.Request, ctx.RequestAborted);
        var kind = obj["kind"]?.ToString();
        var apiVersion = obj["apiVersion"]?.ToString();
        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            throw ApiException.BadRequest($"the object provided is unrecognized (kind {kind} sent to the {type.Plural} endpoint, which takes {type.Kind})");
        }
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != type.ApiVersion &&
            !(type.Group.Length > 0 && apiVersion.StartsWith(type.Group + "/", StringComparison.Ordinal)))
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }
        if (obj["metadata"] is not null and not JsonObject)
        {
            throw ApiException.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: metadata must be an object");
        }
        return obj;
    }

    private static async Task<DeleteOptions> ReadDeleteOptionsAsync(HttpContext ctx)
    {
        var q = ctx.Request.Query;
        JsonObject? body = null;
        if (ctx.Request.ContentLength is > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
        {
            body = await RequestBody.ReadObjectAsync(ctx.Request, ctx.RequestAborted);
        }
        long? grace = body?.Int("gracePeriodSeconds");
        if (grace is null && long.TryParse(q["gracePeriodSeconds"], out var g))
        {
            grace = g;
        }
        var propagation = body?.Str("propagationPolicy") ?? (q["propagationPolicy"].Count > 0 ? q["propagationPolicy"].ToString() : null);
        if (propagation is not (null or "Background" or "Foreground" or "Orphan"))
        {
            throw ApiException.Invalid("DeleteOptions", "", [FieldError.Unsupported("propagationPolicy", propagation, ["Foreground", "Background", "Orphan"])]);
        }
        var dryRun = QueryOptions.DryRun(ctx.Request) || (body?["dryRun"] as JsonArray)?.Any(d => d?.ToString() == "All") == true;
        return new DeleteOptions(grace, propagation, body?.Str("preconditions.uid"), body?.Str("preconditions.resourceVersion"), dryRun);
    }

    private static void Require(ResourceType type, string verb)
    {
        if (!type.Supports(verb))
        {
            throw ApiException.MethodNotAllowed($"the server does not allow this method on the requested resource ({verb} {type.Plural})");
        }
    }
}
