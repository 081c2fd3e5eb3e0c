using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class DefaultProgramTests
{
    [Fact]
    public void Nginx_StartsThroughItsEntrypointAndKeepsRunning()
    {
        var run = Sim.Run("nginx:1.27");
        var lines = Sim.Lines(run);

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Contains("/docker-entrypoint.sh: Configuration complete; ready for start up", lines);
        Assert.Contains("2025/03/14 09:26:53 [notice] 1#1: nginx/1.27.5", lines);
        Assert.Contains("2025/03/14 09:26:53 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14)", lines);
        Assert.Equal([80], run.ListeningPorts);
        Assert.NotNull(run.ReadyAt);
        Assert.Equal("nginx: master process nginx -g daemon off;", run.Processes[0].Command);
        Assert.Equal(["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"], run.Argv);
        Assert.Empty(run.Notes);
    }

    [Fact]
    public void Nginx_NoticeLinesGoToStderrAndEntrypointLinesToStdout()
    {
        var lines = Sim.Run("nginx:alpine").LinesUpTo(TimeSpan.FromMinutes(1), 100);

        Assert.All(lines.Where(l => l.Text.StartsWith("/docker-entrypoint.sh", StringComparison.Ordinal)), l => Assert.Equal(LogStreamKind.Stdout, l.Stream));
        Assert.All(lines.Where(l => l.Text.Contains("[notice]", StringComparison.Ordinal)), l => Assert.Equal(LogStreamKind.Stderr, l.Stream));
        Assert.Contains(lines, l => l.Text.EndsWith("built by gcc 14.2.0 (Alpine 14.2.0)", StringComparison.Ordinal));
    }

    [Fact]
    public void OldNginx_HasNoEntrypointScriptAndPrintsNothing()
    {
        var run = Sim.Run("nginx:1.14.2");

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Empty(Sim.Lines(run));
        Assert.Equal(["nginx", "-g", "daemon off;"], run.Argv);
    }

    [Fact]
    public void NginxRunDirectly_SkipsTheEntrypointLines()
    {
        var lines = Sim.Lines(Sim.Run("nginx", command: ["nginx", "-g", "daemon off;"]));

        Assert.DoesNotContain(lines, l => l.StartsWith("/docker-entrypoint.sh", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("start worker processes", StringComparison.Ordinal));
    }

    [Fact]
    public void Redis_LogsReadyToAcceptConnections()
    {
        var lines = Sim.Lines(Sim.Run("redis:7.2"));

        Assert.Contains("1:M 14 Mar 2025 09:26:53.003 * Ready to accept connections tcp", lines);
        Assert.Contains(lines, l => l.Contains("Redis version=7.2.9", StringComparison.Ordinal));
    }

    [Fact]
    public void Redis_FlagsReachTheTemplatedLines()
    {
        var lines = Sim.Lines(Sim.Run("redis", args: ["--port", "6380"]));

        Assert.Contains(lines, l => l.EndsWith("* Running mode=standalone, port=6380.", StringComparison.Ordinal));
    }

    [Fact]
    public void Postgres_WithoutPassword_PrintsTheEntrypointErrorAndExits1()
    {
        var run = Sim.Run("postgres:16");

        Assert.Equal(ProgramOutcomeKind.Exited, run.Outcome.Kind);
        Assert.Equal(1, run.Outcome.ExitCode);
        Assert.Equal("Error", run.Outcome.Reason);
        var lines = Sim.Lines(run);
        Assert.Equal("Error: Database is uninitialized and superuser password is not specified.", lines[0]);
        Assert.Contains("       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all", lines);
    }

    [Fact]
    public void Postgres_WithPassword_InitialisesAndAcceptsConnections()
    {
        var run = Sim.Run("postgres:16", env: [("POSTGRES_PASSWORD", "s3cret")]);
        var lines = Sim.Lines(run);

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Contains("PostgreSQL init process complete; ready for start up.", lines);
        Assert.EndsWith("UTC [1] LOG:  database system is ready to accept connections", lines[^1]);
        Assert.Contains(lines, l => l.Contains("starting PostgreSQL 16.9 on x86_64-pc-linux-gnu", StringComparison.Ordinal));
        Assert.Equal([5432], run.ListeningPorts);
        Assert.True(run.ReadyAt > TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Postgres_TrustAuthMethodReplacesThePassword() =>
        Assert.Equal(ProgramOutcomeKind.Running, Sim.Run("postgres", env: [("POSTGRES_HOST_AUTH_METHOD", "trust")]).Outcome.Kind);

    [Fact]
    public void Postgres_EmptyPasswordCountsAsMissing() =>
        Assert.Equal(1, Sim.Run("postgres", env: [("POSTGRES_PASSWORD", "")]).Outcome.ExitCode);

    [Fact]
    public void Mysql_WithoutRootPassword_ExitsWithTheEntrypointError()
    {
        var run = Sim.Run("mysql:8.0");
        var lines = Sim.Lines(run);

        Assert.Equal(1, run.Outcome.ExitCode);
        Assert.Contains("2025-03-14 09:26:53+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified", lines);
        Assert.Contains("    - MYSQL_ROOT_PASSWORD", lines);
    }

    [Fact]
    public void Mysql_WithRootPassword_IsReadyAfterInitialisation()
    {
        var run = Sim.Run("mysql:8.4", env: [("MYSQL_ROOT_PASSWORD", "x")]);

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Contains(Sim.Lines(run), l => l.Contains("/usr/sbin/mysqld: ready for connections. Version: '8.4.5'", StringComparison.Ordinal));
        Assert.True(run.ReadyAt > TimeSpan.FromSeconds(10));
        Assert.True(run.UsageAt(TimeSpan.FromMinutes(1)).MemoryBytes > 300 * 1024 * 1024);
    }

    [Fact]
    public void BitnamiRedis_RequiresPasswordUnlessEmptyIsAllowed()
    {
        Assert.Contains(Sim.Lines(Sim.Run("bitnami/redis")), l => l.Contains("ERROR ==> The REDIS_PASSWORD environment variable is empty or not set", StringComparison.Ordinal));
        Assert.Equal(ProgramOutcomeKind.Running, Sim.Run("bitnami/redis", env: [("ALLOW_EMPTY_PASSWORD", "yes")]).Outcome.Kind);
    }

    [Theory]
    [InlineData("busybox")]
    [InlineData("alpine:3.20")]
    [InlineData("ubuntu:22.04")]
    [InlineData("debian:12")]
    [InlineData("python:3.12")]
    [InlineData("node:22")]
    [InlineData("golang:1.24")]
    public void ShellAndReplImages_ExitImmediatelyWithoutATerminal(string image)
    {
        var run = Sim.Run(image);

        Assert.Equal(ProgramOutcomeKind.Exited, run.Outcome.Kind);
        Assert.Equal(0, run.Outcome.ExitCode);
        Assert.Equal("Completed", run.Outcome.Reason);
        Assert.Equal(TimeSpan.Zero, run.Outcome.At);
    }

    [Fact]
    public void Pause_RunsSilentlyForever()
    {
        var run = Sim.Run("registry.k8s.io/pause:3.10");

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Empty(Sim.Lines(run));
        Assert.Equal("65535", run.Processes[0].User);
    }

    [Fact]
    public void Agnhost_SubcommandsHaveTheirOwnBehaviour()
    {
        Assert.Equal(["Paused"], Sim.Lines(Sim.Run("registry.k8s.io/e2e-test-images/agnhost:2.53")));

        var netexec = Sim.Run("registry.k8s.io/e2e-test-images/agnhost:2.53", args: ["netexec", "--http-port=9090"]);
        Assert.Contains("2025/03/14 09:26:53 Started HTTP server on port 9090", Sim.Lines(netexec));
        Assert.Equal([8080, 8081], netexec.ListeningPorts);

        var unknown = Sim.Run("registry.k8s.io/e2e-test-images/agnhost:2.53", args: ["fake-gitserver"]);
        Assert.Equal(ProgramOutcomeKind.Running, unknown.Outcome.Kind);
        Assert.Contains(unknown.Notes, n => n.Contains("agnhost fake-gitserver is not simulated", StringComparison.Ordinal));
    }

    [Fact]
    public void CurlImage_WithoutArguments_PrintsUsageHintAndExits2()
    {
        var run = Sim.Run("curlimages/curl:8.11.1");

        Assert.Equal(2, run.Outcome.ExitCode);
        Assert.Equal(["curl: try 'curl --help' or 'curl --manual' for more information"], Sim.Lines(run));
    }

    [Fact]
    public void UnknownWorkload_RunsQuietlyWithANote()
    {
        var run = Sim.Run("curlimages/curl", args: ["curl", "-s", "http://backend:8080/"]);

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Empty(Sim.Lines(run));
        Assert.Contains(run.Notes, n => n.StartsWith("curl -s is not simulated", StringComparison.Ordinal) || n.StartsWith("curl is not simulated", StringComparison.Ordinal));
    }

    [Fact]
    public void ExecFormMissingBinary_IsAStartErrorAsContainerdReportsIt()
    {
        var run = Sim.Run("nginx:alpine", command: ["python3", "app.py"]);

        Assert.Equal(ProgramOutcomeKind.StartError, run.Outcome.Kind);
        Assert.Equal(128, run.Outcome.ExitCode);
        Assert.Equal("StartError", run.Outcome.Reason);
        Assert.Equal(
            "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: " +
            "unable to start container process: error during container init: exec: \"python3\": executable file not found in $PATH: unknown",
            run.Outcome.Message);
        Assert.Empty(Sim.Lines(run));
    }

    [Fact]
    public void ExecFormMissingPath_ReportsStatFailure()
    {
        var run = Sim.Run("busybox", command: ["/app/server"]);

        Assert.EndsWith("exec: \"/app/server\": stat /app/server: no such file or directory: unknown", run.Outcome.Message);
    }

    [Fact]
    public void DistrolessImage_HasNoShell()
    {
        var run = Sim.Run("registry.k8s.io/pause:3.10", command: ["sh", "-c", "echo hi"]);

        Assert.Equal(ProgramOutcomeKind.StartError, run.Outcome.Kind);
        Assert.Contains("exec: \"sh\": executable file not found in $PATH", run.Outcome.Message);
    }

    [Fact]
    public void Args_ReplaceCmdButKeepEntrypoint_CommandReplacesBoth()
    {
        var image = Sim.Catalog.Resolve(ImageReference.Parse("redis")).Image!;

        Assert.Equal(["docker-entrypoint.sh", "redis-server"], ProgramInterpreter.Argv(new ContainerProgram { Image = image }));
        Assert.Equal(["docker-entrypoint.sh", "--appendonly", "yes"], ProgramInterpreter.Argv(new ContainerProgram { Image = image, Args = ["--appendonly", "yes"] }));
        Assert.Equal(["redis-server"], ProgramInterpreter.Argv(new ContainerProgram { Image = image, Command = ["redis-server"] }));
        Assert.Equal(["sh", "-c", "x"], ProgramInterpreter.Argv(new ContainerProgram { Image = image, Command = ["sh"], Args = ["-c", "x"] }));
    }

    [Fact]
    public void EntrypointWrapper_PrependsItsProgramForFlagsOnlyArgs()
    {
        var lines = Sim.Lines(Sim.Run("postgres", args: ["-c", "max_connections=200"], env: [("POSTGRES_PASSWORD", "p")]));

        Assert.Contains(lines, l => l.EndsWith("database system is ready to accept connections", StringComparison.Ordinal));
    }

    [Fact]
    public void EntrypointWrapper_ExecsOtherCommands()
    {
        var run = Sim.Run("postgres", args: ["sh", "-c", "echo migrating; exit 0"]);

        Assert.Equal(["migrating"], Sim.Lines(run));
        Assert.Equal(0, run.Outcome.ExitCode);
    }

    [Fact]
    public void Run_IsDeterministic()
    {
        var first = Sim.Run("grafana/grafana");
        var second = Sim.Run("grafana/grafana");

        Assert.Equal(Sim.Lines(first), Sim.Lines(second));
        Assert.Equal(first.ReadyAt, second.ReadyAt);
        Assert.Equal(first.Outcome, second.Outcome);
    }
}
