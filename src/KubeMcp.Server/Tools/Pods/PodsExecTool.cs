using System.Text;
using k8s;
using k8s.Autorest;
using KubeMcp.Server.Formatting;
using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Pods;

/// <summary>pods_exec: runs a command in a container (Kubernetes exec over WebSocket) and returns its output.</summary>
internal sealed class PodsExecTool(ToolServices services) : KubeTool(services)
{
    public override string Name => "pods_exec";

    public override string Toolset => KubeMcpToolsets.Core;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: false, OpenWorld: true);

    protected override string Title => "Pods: Exec";

    protected override string Description =>
        "Run a command inside a running pod's container and return its stdout, stderr and exit code (no TTY, no stdin). " +
        "The command is an array: the program, then its arguments; use [\"sh\", \"-c\", \"…\"] for pipes. It can change the " +
        "container, so prefer read-only commands. Example: {\"name\": \"web-1\", \"namespace\": \"production\", \"command\": [\"cat\", \"/etc/resolv.conf\"]}.";

    protected override IReadOnlyList<ToolParameter> Parameters =>
    [
        ToolParameter.String("name", "Name of the pod.", required: true),
        CommonParameters.Namespace("Namespace of the pod (optional; default: the context's namespace)."),
        new ToolParameter("command", "array", "Program and arguments, e.g. [\"ls\", \"-l\", \"/tmp\"].", Required: true),
        ToolParameter.String("container", "Container to run in (optional; default: the pod's default container, usually the first)."),
    ];

    protected override async Task<string> ExecuteAsync(ToolArguments args, CancellationToken ct)
    {
        var api = Cluster(args);
        var ns = args.String("namespace") ?? api.DefaultNamespace;
        var name = args.RequiredString("name");
        var command = args.StringArray("command")!;
        if (command.Count == 0 || string.IsNullOrWhiteSpace(command[0]))
        {
            throw new ToolArgumentException("command", "must name a program, e.g. [\"ls\", \"-l\"]");
        }
        var container = args.String("container");
        if (container is null)
        {
            var pod = await api.GetObjectAsync(ApiResource.Pods, ns, name, ct);
            container = pod["metadata"]?["annotations"]?["kubectl.kubernetes.io/default-container"]?.GetValue<string>()
                ?? pod.Objects("spec.containers").Select(c => c.Str("name")).FirstOrDefault();
        }
        if (Authentication.ImpersonationScope.Current is { } caller)
        {
            // Exec runs over a WebSocket outside the HTTP handler chain, so it would carry the server's identity.
            throw new ToolFailedException($"pods_exec is not available while the server impersonates its callers: the exec stream would run as the server, not as {caller.Name}. Use kubectl exec with your own credentials.");
        }
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        int exitCode;
        try
        {
            exitCode = await api.Client.NamespacedPodExecAsync(name, ns, container ?? "", command, false, async (stdIn, stdOut, stdErr) =>
            {
                stdIn.Close();
                var o = new StreamReader(stdOut).ReadToEndAsync(ct);
                var e = new StreamReader(stdErr).ReadToEndAsync(ct);
                stdout.Append(await o);
                stderr.Append(await e);
            }, ct);
        }
        catch (HttpOperationException e)
        {
            throw new KubeApiException((int)e.Response.StatusCode, e.Response.ReasonPhrase ?? "Error",
                string.IsNullOrWhiteSpace(e.Response.Content) ? e.Message : e.Response.Content.Trim(),
                new ApiTarget(ApiResource.Pods, ns, name, "exec into"));
        }
        catch (System.Net.WebSockets.WebSocketException e)
        {
            throw new ToolFailedException($"exec into pod {name} in namespace {ns} failed: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new ClusterUnreachableException(api.Server, e.Message, e);
        }
        var output = new StringBuilder();
        output.Append(stdout);
        if (stderr.Length > 0)
        {
            output.Append(output.Length > 0 && output[^1] != '\n' ? "\n" : "").Append("[stderr]\n").Append(stderr);
        }
        if (exitCode != 0)
        {
            output.Append(output.Length > 0 && output[^1] != '\n' ? "\n" : "").Append($"[exit code {exitCode}]\n");
        }
        return output.Length == 0 ? "(the command succeeded and printed nothing)" : ListCut.Truncate(output.ToString(), Services.Budget, "Print less, e.g. pipe through head or grep.");
    }
}
