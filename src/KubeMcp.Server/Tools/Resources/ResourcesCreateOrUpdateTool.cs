using System.Text;
using KubeMcp.Server.Formatting;

namespace KubeMcp.Server.Tools.Resources;

/// <summary>resources_create_or_update: server-side apply of one or more manifests.</summary>
internal sealed class ResourcesCreateOrUpdateTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "resources_create_or_update";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true);

    protected override string Title => "Resources: Create or Update";

    protected override string Description =>
        "Create or update objects from a manifest (YAML or JSON; several YAML documents separated by --- are allowed) with " +
        "server-side apply: the manifest is the desired state, so give every field you want kept (apiVersion, kind, " +
        "metadata.name, the full spec). Namespace defaults to the context's. To change one field, read the object with " +
        "resources_get, edit it, and apply it whole. Returns one line per object. " +
        "Example: {\"resource\": \"apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings\\ndata:\\n  mode: fast\\n\"}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.String("resource", "The complete manifest in YAML or JSON: apiVersion, kind, metadata (name, namespace) and the full spec.", required: true),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var manifests = ManifestReader.Read(args.RequiredString("resource"), "resource");
        var result = new StringBuilder();
        foreach (var manifest in manifests)
        {
            var apiVersion = manifest.Str("apiVersion") ?? throw new ToolArgumentException("resource", "a manifest lacks apiVersion (e.g. 'apiVersion: apps/v1')");
            var kind = manifest.Str("kind") ?? throw new ToolArgumentException("resource", "a manifest lacks kind (e.g. 'kind: Deployment')");
            var name = manifest.Str("metadata.name") ?? throw new ToolArgumentException("resource", $"the {kind} manifest lacks metadata.name");
            var resource = await api.Resources.ResolveAsync(apiVersion, kind, ct);
            string? ns = null;
            if (resource.Namespaced)
            {
                ns = manifest.Str("metadata.namespace") ?? api.DefaultNamespace;
                manifest["metadata"]!["namespace"] = ns;
            }
            else
            {
                manifest["metadata"]!.AsObject().Remove("namespace");
            }
            // Server-side apply refuses these; a model often copies them from resources_get output.
            manifest["metadata"]!.AsObject().Remove("managedFields");
            manifest["metadata"]!.AsObject().Remove("resourceVersion");
            manifest["metadata"]!.AsObject().Remove("uid");
            manifest["metadata"]!.AsObject().Remove("creationTimestamp");
            var applied = await api.ApplyAsync(resource, ns, name, manifest, ct);
            var generation = applied.Long("metadata.generation");
            result.Append($"{ResourceNames.Qualified(resource)}/{name} applied")
                .Append(ns is null ? "" : $" in namespace {ns}")
                .Append(generation is long g ? $" (generation {g})" : "")
                .Append('\n');
        }
        return result.ToString();
    }
}
