using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Http;
using KubeMcp.Cluster.Kubelet;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// <c>pods/{name}/exec</c> over WebSocket (<c>v5.channel.k8s.io</c> for kubectl, <c>v4.channel.k8s.io</c> for
/// KubernetesClient): runs the command against the container's simulated environment, sends its output on the
/// stdout and stderr channels and the final Status on the error channel, then closes. SPDY is not offered.
/// </summary>
internal sealed class PodExecHandler(SimulatedKubelets kubelets) : ISubresourceHandler
{
    /// <summary>Standard input kubectl may send with <c>-i</c>, read up to this size.</summary>
    private const int MaxStdinBytes = 1024 * 1024;

    public (string StorageKey, string Subresource) Route => ("pods", "exec");

    public async Task HandleAsync(HttpContext context, ResourcePath path)
    {
        if (context.Request.Method is not ("GET" or "POST") || path.Name is null)
        {
            throw ApiException.MethodNotAllowed("pods/exec only supports connect (GET with a WebSocket upgrade)");
        }
        var options = PodExecOptions.Parse(context.Request.Query);
        var (pod, _, runtime) = kubelets.Pod(path.Namespace ?? "default", path.Name, "exec");
        var container = PodContainers.Resolve(pod, options.Container);
        var instance = RunningInstance(pod, container, runtime);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw ApiException.BadRequest(
                "the KubeMcp embedded cluster serves exec over WebSocket only (v5.channel.k8s.io or v4.channel.k8s.io); SPDY is not supported, use kubectl 1.30 or later");
        }
        var protocol = ExecChannels.Negotiate(context.WebSockets.WebSocketRequestedProtocols)
            ?? throw ApiException.BadRequest(
                $"none of the requested WebSocket subprotocols is supported; the embedded cluster speaks {string.Join(", ", ExecChannels.Supported)}");
        var ct = context.RequestAborted;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = protocol });
        var channels = new ExecChannels(socket, protocol);
        try
        {
            if (options.Tty && options.Stdin && InteractiveShell.Accepts(options.Command))
            {
                var shell = new InteractiveShell(channels, instance, kubelets.Clock);
                await shell.RunAsync(options.Command, ct);
            }
            else
            {
                var stdin = options.Stdin && !options.Tty && channels.CanCloseStdin ? await ReadStdinAsync(channels, ct) : null;
                var elapsed = instance.ElapsedAt(kubelets.Clock.GetUtcNow());
                var result = ExecInterpreter.Execute(instance.Program, instance.Run, options.Command, elapsed, stdin);
                await SendAsync(channels, options, result, ct);
            }
            await channels.CloseAsync(ct);
        }
        catch (Exception e) when (e is WebSocketException || (e is OperationCanceledException && ct.IsCancellationRequested))
        {
            // The client hung up mid-stream.
        }
    }

    /// <summary>The container's running instance, or the kubelet's "container not found" error.</summary>
    private ContainerInstance RunningInstance(JsonObject pod, string container, PodRuntime? runtime)
    {
        var status = PodContainers.Status(pod, container);
        var now = kubelets.Clock.GetUtcNow();
        if (status?["state"]?["running"] is not null && runtime?.Current(container) is { } current
            && (current.FinishedAt is null || current.FinishedAt > now)
            && !(current.Run.Outcome.Terminates && current.ElapsedAt(now) >= current.Run.Outcome.At))
        {
            return current;
        }
        var detail = $"unable to upgrade connection: container not found (\"{container}\")";
        throw new ApiException(500, "InternalError", "Internal error occurred: " + detail,
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = detail }) });
    }

    private static async Task<string> ReadStdinAsync(ExecChannels channels, CancellationToken ct)
    {
        using var input = new MemoryStream();
        while (await channels.ReadAsync(ct) is { } message)
        {
            var (channel, payload) = message;
            if (channel == ExecChannels.Close && payload is [ExecChannels.Stdin, ..])
            {
                break;
            }
            if (channel == ExecChannels.Stdin && input.Length + payload.Length <= MaxStdinBytes)
            {
                input.Write(payload);
            }
        }
        return Encoding.UTF8.GetString(input.ToArray());
    }

    private static async Task SendAsync(ExecChannels channels, PodExecOptions options, ExecResult result, CancellationToken ct)
    {
        var stdout = result.Stdout;
        var stderr = result.Stderr;
        if (options.Tty)
        {
            // A terminal has one output stream and turns newlines into CR LF.
            stdout = (stdout + stderr).ReplaceLineEndings("\r\n");
            stderr = "";
        }
        if (options.Stdout && stdout.Length > 0)
        {
            await channels.WriteAsync(ExecChannels.Stdout, stdout, ct);
        }
        if (options.Stderr && stderr.Length > 0)
        {
            await channels.WriteAsync(ExecChannels.Stderr, stderr, ct);
        }
        await channels.WriteStatusAsync(ExecChannels.ExitStatus(result.ExitCode, options.Command), ct);
    }
}
