using System.Net.WebSockets;
using System.Text;
using k8s;

namespace KubeMcp.IntegrationTests.Cluster.Nodes;

/// <summary>
/// kubectl exec and KubernetesClient's exec over the WebSocket streaming protocol. Commands whose output is checked run
/// with <c>-i</c> (and an empty stdin): client-go creates its stdout/stderr readers only after the WebSocket handshake and
/// drops output that arrives before them ("Unknown stream id"), which a loaded machine can make happen; with stdin the
/// server waits for the client's end-of-stdin message, sent once its readers exist.
/// </summary>
public sealed class KubectlExecTests(VirtualClockClusterFixture fixture) : IClassFixture<VirtualClockClusterFixture>
{
    private const string Ns = "exec";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task SetUpAsync()
    {
        if ((await fixture.Kubectl.RunAsync("get", "pod", "-n", Ns, "shell")).ExitCode == 0)
        {
            return;
        }
        await fixture.Kubectl.ApplyAsync(Manifests.Namespace(Ns));
        await fixture.Kubectl.ApplyAsync(Manifests.Pod(Ns, "shell", "echo ready; sleep 3600"));
        await fixture.Kubectl.ApplyAsync(Manifests.Pod(Ns, "crasher", "exit 1"));
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Exec_ListsTheRootDirectory()
    {
        await SetUpAsync();

        var output = await fixture.Kubectl.OkAsync("exec", "-i", "-n", Ns, "shell", "--", "ls", "/");

        Assert.Contains("bin", output.Split('\n'));
        Assert.Contains("etc", output.Split('\n'));
    }

    [Fact]
    public async Task Exec_ReturnsTheCommandsExitCodeAndStreams()
    {
        await SetUpAsync();

        var result = await fixture.Kubectl.RunAsync("exec", "-i", "-n", Ns, "shell", "--", "sh", "-c", "echo out; echo err >&2; exit 3");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.Stdout);
        Assert.Contains("err\n", result.Stderr);
        Assert.Contains("command terminated with exit code 3", result.Stderr);
    }

    [Fact]
    public async Task Exec_PassesStandardInput()
    {
        await SetUpAsync();

        var result = await fixture.Kubectl.RunWithInputAsync("hello from stdin\n", "exec", "-i", "-n", Ns, "shell", "--", "cat");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello from stdin\n", result.Stdout);
    }

    [Fact]
    public async Task Exec_MissingProgramFailsAsTheRuntimeDoes()
    {
        await SetUpAsync();

        var result = await fixture.Kubectl.RunAsync("exec", "-i", "-n", Ns, "shell", "--", "bash");

        var output = result.Stdout + result.Stderr;
        Assert.Equal(126, result.ExitCode);
        Assert.True(output.Contains("exec: \"bash\": executable file not found in $PATH", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task Exec_IntoAContainerThatIsNotRunningFails()
    {
        await SetUpAsync();

        var result = await fixture.Kubectl.RunAsync("exec", "-n", Ns, "crasher", "--", "ls");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("container not found (\"main\")", result.Stderr);
    }

    [Fact]
    public async Task KubernetesClient_ExecReturnsOutputAndExitCode()
    {
        await SetUpAsync();
        var client = fixture.Client;

        var (stdout, code) = await RunAsync(client, ["hostname"]);
        var (_, failed) = await RunAsync(client, ["sh", "-c", "exit 7"]);

        Assert.Equal("shell\n", stdout);
        Assert.Equal(0, code);
        Assert.Equal(7, failed);
    }

    [Fact]
    public async Task InteractiveShell_RunsTypedLinesOverATerminal()
    {
        await SetUpAsync();
        var cluster = fixture.Cluster;
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("v5.channel.k8s.io");
        socket.Options.SetRequestHeader("Authorization", "Bearer " + cluster.AdminToken);
        socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        var url = new Uri($"wss://{cluster.Url.Authority}/api/v1/namespaces/{Ns}/pods/shell/exec?command=sh&stdin=true&stdout=true&tty=true");

        await socket.ConnectAsync(url, Ct);
        await SendAsync(socket, 4, """{"Width":80,"Height":24}""");
        await SendAsync(socket, 0, "echo hi\r");
        await SendAsync(socket, 0, "exit 4\r");
        var (output, status) = await ReadAllAsync(socket);

        Assert.Equal("v5.channel.k8s.io", socket.SubProtocol);
        Assert.StartsWith("/ # echo hi\r\nhi\r\n/ # exit 4\r\n", output);
        Assert.Contains("\"reason\":\"NonZeroExitCode\"", status);
        Assert.Contains("\"message\":\"4\"", status);
    }

    private async Task<(string Stdout, int ExitCode)> RunAsync(IKubernetes client, string[] command)
    {
        var stdout = "";
        var code = await client.NamespacedPodExecAsync("shell", Ns, "main", command, false, async (stdin, output, error) =>
        {
            stdout = await new StreamReader(output).ReadToEndAsync(Ct);
            await new StreamReader(error).ReadToEndAsync(Ct);
        }, Ct);
        return (stdout, code);
    }

    private static Task SendAsync(ClientWebSocket socket, byte channel, string text) =>
        socket.SendAsync((byte[])[channel, .. Encoding.UTF8.GetBytes(text)], WebSocketMessageType.Binary, true, Ct);

    private static async Task<(string Output, string Status)> ReadAllAsync(ClientWebSocket socket)
    {
        var output = new StringBuilder();
        var status = new StringBuilder();
        var buffer = new byte[65536];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, Ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (output.ToString(), status.ToString());
            }
            var text = Encoding.UTF8.GetString(buffer, 1, result.Count - 1);
            (buffer[0] == 3 ? status : output).Append(text);
        }
    }
}
