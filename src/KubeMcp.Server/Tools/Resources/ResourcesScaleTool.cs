using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;

namespace KubeMcp.Server.Tools.Resources;

/// <summary>resources_scale: reads or sets the replica count through the scale subresource.</summary>
internal sealed class ResourcesScaleTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "resources_scale";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true, OpenWorld: true);

    protected override string Title => "Resources: Scale";

    protected override string Description =>
        "Read or change the replica count of a Deployment, StatefulSet, ReplicaSet (or any kind with a scale subresource). " +
        "Without scale it only reports the desired and current replicas; with scale it sets the desired count (0 stops all " +
        "pods). Example: {\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"name\": \"web\", \"namespace\": \"production\", \"scale\": 3}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        CommonParameters.ApiVersion(),
        CommonParameters.Kind(),
        ToolParameter.String("name", "Name of the object to scale.", required: true),
        CommonParameters.Namespace("Namespace of the object (optional; default: the context's namespace)."),
        ToolParameter.Integer("scale", "Desired number of replicas (optional; omit to only read the current scale)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var resource = await api.Resources.ResolveAsync(args.RequiredString("apiVersion"), args.RequiredString("kind"), ct);
        var ns = resource.Namespaced ? args.String("namespace") ?? api.DefaultNamespace : null;
        var name = args.RequiredString("name");
        var label = $"{ResourceNames.Qualified(resource)}/{name}{(ns is null ? "" : $" in namespace {ns}")}";
        var before = await api.GetSubresourceAsync(resource, ns, name, "scale", ct);
        var desired = before.Long("spec.replicas") ?? 0;
        var current = before.Long("status.replicas") ?? 0;
        if (args.Long("scale") is not long target)
        {
            return $"{label}: {desired} replicas desired, {current} current.";
        }
        if (target < 0)
        {
            throw new ToolArgumentException("scale", $"must be 0 or more, got {target}");
        }
        var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = target } };
        var after = await api.MergePatchAsync(resource, ns, name, "scale", patch, ct);
        return $"{label} scaled from {desired} to {after.Long("spec.replicas") ?? target} replicas desired ({current} current before the change).";
    }
}
