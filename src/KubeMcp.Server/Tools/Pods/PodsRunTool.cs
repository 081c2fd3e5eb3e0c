using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Pods;

/// <summary>pods_run: starts a pod from an image, with a service when a port is given.</summary>
internal sealed class PodsRunTool(ToolServices services) : KubeTool(services)
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "kubemcp";

    public override string Name => "pods_run";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false, OpenWorld: true);

    protected override string Title => "Pods: Run";

    protected override string Description =>
        "Start a single pod from a container image (like `kubectl run`). With a port, the container exposes it and a ClusterIP " +
        "service of the same name is created. The name defaults to a generated one. Returns what was created; check it with " +
        "pods_get or pods_list_in_namespace. Example: {\"image\": \"nginx:1.27\", \"name\": \"web\", \"port\": 80}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.String("image", "Container image to run, e.g. 'nginx:1.27' or 'busybox'.", required: true),
        ToolParameter.String("name", "Name of the pod (optional; generated when absent)."),
        CommonParameters.Namespace("Namespace to run the pod in (optional; default: the context's namespace)."),
        new ToolParameter("port", "number", "TCP port the container listens on; also creates a service for it (optional)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var ns = args.String("namespace") ?? api.DefaultNamespace;
        var image = args.RequiredString("image");
        var name = args.String("name") ?? $"kubemcp-run-{Guid.NewGuid().ToString("N")[..6]}";
        int? port = null;
        if (args.Double("port") is double p)
        {
            if (p != Math.Floor(p) || p < 1 || p > 65535)
            {
                throw new ToolArgumentException("port", $"must be a whole number from 1 to 65535, got {p.ToString(CultureInfo.InvariantCulture)}");
            }
            port = (int)p;
        }
        var labels = new JsonObject { ["app.kubernetes.io/name"] = name, [ManagedByLabel] = ManagedByValue };
        var container = new JsonObject { ["name"] = name, ["image"] = image };
        if (port is int cp)
        {
            container["ports"] = new JsonArray(new JsonObject { ["containerPort"] = cp });
        }
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labels.DeepClone() },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(container) },
        };
        await api.CreateAsync(ApiResource.Pods, ns, pod, ct);
        var result = $"pod {name} created in namespace {ns} (image {image})";
        if (port is int sp)
        {
            var service = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Service",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labels.DeepClone() },
                ["spec"] = new JsonObject
                {
                    ["selector"] = new JsonObject { ["app.kubernetes.io/name"] = name },
                    ["ports"] = new JsonArray(new JsonObject { ["port"] = sp, ["targetPort"] = sp, ["protocol"] = "TCP" }),
                },
            };
            await api.CreateAsync(ApiResource.Services, ns, service, ct);
            result += $"; service {name} created, port {sp} → pod port {sp}";
        }
        return result + ".";
    }
}
