using System.Text.Json.Nodes;
using KubeMcp.Cluster.Kubelet;
using KubeMcp.Cluster.Nodes;
using KubeMcp.Tests.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class ProberTests
{
    private const string PodIp = "10.244.1.7";

    private static JsonObject Container(string probeJson, string ports = """[{"name":"http","containerPort":80}]""") =>
        JsonNode.Parse($$"""{"name":"app","ports":{{ports}},"livenessProbe":{{probeJson}}}""")!.AsObject();

    private static ProbeVerdict Evaluate(JsonObject container, ContainerProgram program)
    {
        var instance = Instances.Running(ProgramInterpreter.Run(program), program);
        return Prober.Evaluate(ProbeSpec.Parse(container, "livenessProbe")!, container, instance, PodIp);
    }

    private static ProbeVerdict Nginx(string probeJson) => Evaluate(Container(probeJson), Sim.Container("nginx:1.27"));

    [Fact]
    public void HttpGet_OnTheListeningPort_PassesOnceTheServerHasStarted()
    {
        var program = Sim.Container("nginx:1.27");
        var verdict = Nginx("""{"httpGet":{"path":"/","port":80}}""");

        Assert.Equal(ProgramInterpreter.Run(program).ReadyAt, verdict.PassesFrom);
        Assert.False(verdict.Errored);
    }

    [Fact]
    public void HttpGet_OnAnotherPort_IsRefused_WithGosMessage()
    {
        var verdict = Nginx("""{"httpGet":{"path":"/healthz","port":8081}}""");

        Assert.Null(verdict.PassesFrom);
        Assert.Equal("Liveness probe failed: Get \"http://10.244.1.7:8081/healthz\": dial tcp 10.244.1.7:8081: connect: connection refused",
            verdict.EventMessage("Liveness"));
    }

    [Fact]
    public void HttpGet_WithHostSchemeAndRelativePath_PrintsTheUrlAsGoDoes()
    {
        var verdict = Nginx("""{"httpGet":{"path":"healthz","port":8443,"scheme":"HTTPS","host":"10.0.0.9"}}""");

        Assert.Equal("Get \"https://10.0.0.9:8443/healthz\": dial tcp 10.0.0.9:8443: connect: connection refused", verdict.Message);
    }

    [Fact]
    public void TcpSocket_AndGrpc_UseTheirOwnMessages()
    {
        Assert.Equal("dial tcp 10.244.1.7:9000: connect: connection refused", Nginx("""{"tcpSocket":{"port":9000}}""").Message);
        Assert.Equal("timeout: failed to connect service \"10.244.1.7:9000\" within 1s: context deadline exceeded",
            Nginx("""{"grpc":{"port":9000}}""").Message);
        Assert.NotNull(Nginx("""{"tcpSocket":{"port":80}}""").PassesFrom);
    }

    [Fact]
    public void NamedPort_IsResolvedFromTheContainersPorts()
    {
        Assert.NotNull(Nginx("""{"httpGet":{"path":"/","port":"http"}}""").PassesFrom);
    }

    [Theory]
    [InlineData("\"metrics\"", "strconv.Atoi: parsing \"metrics\": invalid syntax")]
    [InlineData("70000", "invalid port number: 70000")]
    [InlineData("\"\"", "strconv.Atoi: parsing \"\": invalid syntax")]
    public void UnresolvablePort_Errors_AsTheKubeletReportsIt(string port, string message)
    {
        var verdict = Nginx("{\"tcpSocket\":{\"port\":" + port + "}}");

        Assert.True(verdict.Errored);
        Assert.Equal($"Liveness probe errored and resulted in unknown state: {message}", verdict.EventMessage("Liveness"));
    }

    [Fact]
    public void ExecCatOfAMissingFile_FailsWithCatsStderr()
    {
        var verdict = Evaluate(Container("""{"exec":{"command":["cat","/tmp/healthy"]}}"""), Sim.Container("busybox:1.36", command: ["sleep", "3600"]));

        Assert.Null(verdict.PassesFrom);
        Assert.Equal("cat: can't open '/tmp/healthy': No such file or directory", verdict.Message);
    }

    [Fact]
    public void ExecOfAnExistingFile_Passes()
    {
        var verdict = Evaluate(Container("""{"exec":{"command":["cat","/etc/hostname"]}}"""), Sim.Container("busybox:1.36", command: ["sleep", "3600"]));

        Assert.Equal(TimeSpan.Zero, verdict.PassesFrom);
    }

    [Fact]
    public void ExecOfAMissingExecutable_FailsWithTheRuntimesMessage()
    {
        var verdict = Evaluate(Container("""{"exec":{"command":["curl","-f","localhost"]}}"""), Sim.Container("busybox:1.36", command: ["sleep", "3600"]));

        Assert.Null(verdict.PassesFrom);
        Assert.Equal("OCI runtime exec failed: exec failed: unable to start container process: exec: \"curl\": executable file not found in $PATH: unknown",
            verdict.Message);
    }

    [Fact]
    public void ExecOfACommandTheSimulationDoesNotModel_AnswersAsTheProgramWould()
    {
        var program = Sim.Container("postgres:16", env: [("POSTGRES_PASSWORD", "secret")]);
        var verdict = Evaluate(Container("""{"exec":{"command":["pg_isready","-U","postgres"]}}"""), program);

        Assert.Equal(ProgramInterpreter.Run(program).ReadyAt, verdict.PassesFrom);
        Assert.NotNull(verdict.PassesFrom);
    }
}
