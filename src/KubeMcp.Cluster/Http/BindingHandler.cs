using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Http;

/// <summary>
/// Binds a pod to a node: <c>POST pods/{name}/binding</c> and the older <c>POST bindings</c>, both taking a
/// <c>Binding</c> whose target names the node. This is the only way to set a pod's spec.nodeName after creation.
/// </summary>
internal sealed class BindingHandler(ObjectRegistry registry) : ISubresourceHandler, IReviewHandler
{
    public (string StorageKey, string Subresource) Route => ("pods", "binding");

    public string StorageKey => "bindings";

    public async Task HandleAsync(HttpContext context, ResourcePath path)
    {
        if (context.Request.Method != "POST" || path.Name is null)
        {
            throw ApiException.MethodNotAllowed("pods/binding only supports create (POST)");
        }
        var binding = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        if (binding.Name() is { Length: > 0 } bodyName && bodyName != path.Name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({path.Name})");
        }
        await ResponseWriter.WriteAsync(context, 201, Bind(context, path.Namespace ?? "default", path.Name, binding));
    }

    public JsonObject Review(HttpContext context, string? ns, JsonObject request) =>
        Bind(context, ns ?? "default", request.Name(), request);

    private JsonObject Bind(HttpContext context, string ns, string podName, JsonObject binding)
    {
        var targetKind = binding.Str("target.kind");
        var node = binding.Str("target.name") ?? "";
        var errors = new List<FieldError>();
        if (podName.Length == 0)
        {
            errors.Add(FieldError.Required("metadata.name"));
        }
        if (targetKind is { Length: > 0 } && targetKind != "Node")
        {
            errors.Add(FieldError.Unsupported("target.kind", targetKind, ["Node"]));
        }
        if (node.Length == 0)
        {
            errors.Add(FieldError.Required("target.name"));
        }
        if (errors.Count > 0)
        {
            throw ApiException.Invalid("Binding", podName, errors);
        }
        registry.Bind(ns, podName, node, QueryOptions.Write(context.Request));
        return ResponseWriter.SuccessStatus();
    }
}
