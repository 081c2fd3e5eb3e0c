using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Tests.Cluster.Controllers;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class KubeletProbeTests
{
    private static string Pod(string probes, string image = "nginx:1.27", string extra = "", string command = "") => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: default
          labels: {app: web}
        spec:
          {{extra}}
          containers:
          - name: web
            image: {{image}}
            {{command}}
            ports:
            - {name: http, containerPort: 80}
        {{Indent(probes, 4)}}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l));

    private static async Task<SimulatedCluster> RunAsync(string yaml)
    {
        var sim = await SimulatedCluster.StartAsync();
        sim.Apply(yaml);
        await sim.SettleAsync();
        return sim;
    }

    private static JsonObject Container(SimulatedCluster sim) =>
        (JsonObject)((JsonArray)sim.Require("v1", "Pod", "default", "web").At("status.containerStatuses")!)[0]!;

    private static string? Condition(SimulatedCluster sim, string type) =>
        (sim.Require("v1", "Pod", "default", "web").At("status.conditions") as JsonArray)!.OfType<JsonObject>()
            .First(c => c.Str("type") == type).Str("status");

    private static JsonObject? Event(SimulatedCluster sim, string reason) =>
        sim.Events("default", "web").FirstOrDefault(e => e.Str("reason") == reason);

    [Fact]
    public async Task WithoutReadinessProbe_ContainerIsReadyAsSoonAsItRuns()
    {
        await using var sim = await RunAsync(Pod(""));

        Assert.NotNull(Container(sim).At("state.running"));
        Assert.True(Container(sim)["ready"]?.GetValue<bool>());
        Assert.Equal("True", Condition(sim, "Ready"));
    }

    [Fact]
    public async Task ReadyAnnotationFalse_KeepsTheContainerUnready()
    {
        await using var sim = await RunAsync(Pod("").Replace("labels: {app: web}", "labels: {app: web}\n  annotations: {sim.kubemcp.io/ready: \"false\"}", StringComparison.Ordinal));
        await sim.RunForAsync(TimeSpan.FromSeconds(30));

        Assert.False(Container(sim)["ready"]?.GetValue<bool>());
        Assert.Equal("False", Condition(sim, "ContainersReady"));
    }

    [Fact]
    public async Task ReadinessProbeOnTheWrongPort_StaysUnready_AndRecordsUnhealthyEveryPeriod()
    {
        await using var sim = await RunAsync(Pod("""
            readinessProbe:
              httpGet: {path: /healthz, port: 8081}
              periodSeconds: 10
            """));
        await sim.RunForAsync(TimeSpan.FromSeconds(45));

        var pod = sim.Require("v1", "Pod", "default", "web");
        var ip = pod.Str("status.podIP");
        Assert.False(Container(sim)["ready"]?.GetValue<bool>());
        Assert.Equal("False", Condition(sim, "Ready"));
        var unhealthy = Event(sim, "Unhealthy")!;
        Assert.Equal("Warning", unhealthy.Str("type"));
        Assert.Equal($"Readiness probe failed: Get \"http://{ip}:8081/healthz\": dial tcp {ip}:8081: connect: connection refused", unhealthy.Str("message"));
        Assert.Equal("spec.containers{web}", unhealthy.Str("involvedObject.fieldPath"));
        Assert.Equal(5, unhealthy.Int("count"));
        Assert.Equal(0, Container(sim).Int("restartCount"));
    }

    [Fact]
    public async Task ReadinessProbeOnTheServersPort_IsReadyAfterTheSuccessThreshold_WithoutEvents()
    {
        await using var sim = await RunAsync(Pod("""
            readinessProbe:
              httpGet: {path: /, port: http}
              initialDelaySeconds: 5
              periodSeconds: 5
              successThreshold: 2
            """));
        await sim.RunForAsync(TimeSpan.FromSeconds(6));
        Assert.False(Container(sim)["ready"]?.GetValue<bool>());

        await sim.RunForAsync(TimeSpan.FromSeconds(4));

        Assert.True(Container(sim)["ready"]?.GetValue<bool>());
        Assert.Equal("True", Condition(sim, "Ready"));
        Assert.Null(Event(sim, "Unhealthy"));
    }

    [Fact]
    public async Task LivenessProbeFailing_KillsTheServer_WhichRestarts()
    {
        await using var sim = await RunAsync(Pod("""
            livenessProbe:
              tcpSocket: {port: 8081}
              periodSeconds: 5
              failureThreshold: 3
            """));
        await sim.RunForAsync(TimeSpan.FromSeconds(12));
        Assert.Equal("Container web failed liveness probe, will be restarted", Event(sim, "Killing")!.Str("message"));
        Assert.Equal("CrashLoopBackOff", Container(sim).Str("state.waiting.reason"));
        Assert.Equal(3, Event(sim, "Unhealthy")!.Int("count"));

        await sim.RunForAsync(TimeSpan.FromSeconds(10));

        var container = Container(sim);
        Assert.Equal(1, container.Int("restartCount"));
        Assert.StartsWith("Liveness probe failed: dial tcp ", Event(sim, "Unhealthy")!.Str("message"), StringComparison.Ordinal);
        Assert.NotNull(container.At("state.running"));
        // nginx stops on its stop signal: the kill is a clean exit.
        Assert.Equal(0, container.Int("lastState.terminated.exitCode"));
        Assert.Equal("Completed", container.Str("lastState.terminated.reason"));
    }

    [Fact]
    public async Task LivenessExecProbeFailing_KillsAShellAfterTheGracePeriod_WithExit137()
    {
        await using var sim = await RunAsync(Pod("""
            livenessProbe:
              exec: {command: [cat, /tmp/healthy]}
              initialDelaySeconds: 5
              periodSeconds: 5
              terminationGracePeriodSeconds: 10
            """, image: "busybox:1.36", command: "command: [sh, -c, 'touch /tmp/healthy; sleep 3600']"));
        await sim.RunForAsync(TimeSpan.FromSeconds(16));
        Assert.Equal("Container web failed liveness probe, will be restarted", Event(sim, "Killing")!.Str("message"));
        Assert.Equal("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory", Event(sim, "Unhealthy")!.Str("message"));
        Assert.NotNull(Container(sim).At("state.running"));

        await sim.RunForAsync(TimeSpan.FromSeconds(10));

        var container = Container(sim);
        Assert.Equal(137, container.Int("lastState.terminated.exitCode"));
        Assert.Equal("Error", container.Str("lastState.terminated.reason"));
    }

    [Fact]
    public async Task RepeatedLivenessFailures_EndInCrashLoopBackOff()
    {
        await using var sim = await RunAsync(Pod("""
            livenessProbe:
              httpGet: {path: /healthz, port: 8081}
              periodSeconds: 2
              failureThreshold: 1
            """));
        await sim.RunForAsync(TimeSpan.FromSeconds(60));

        var container = Container(sim);
        Assert.True(container.Int("restartCount") >= 3);
        Assert.Equal("CrashLoopBackOff", container.Str("state.waiting.reason"));
        Assert.NotNull(Event(sim, "BackOff"));
        Assert.True(Event(sim, "Killing")!.Int("count") >= 3);
    }

    [Fact]
    public async Task RestartPolicyNever_LeavesTheKilledContainerTerminated()
    {
        await using var sim = await RunAsync(Pod("""
            livenessProbe:
              exec: {command: [cat, /tmp/healthy]}
              periodSeconds: 2
              failureThreshold: 1
              terminationGracePeriodSeconds: 1
            """, image: "busybox:1.36", command: "command: [sleep, '3600']", extra: "restartPolicy: Never"));
        await sim.RunForAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Failed", sim.Require("v1", "Pod", "default", "web").Str("status.phase"));
        Assert.Equal(0, Container(sim).Int("restartCount"));
        Assert.NotNull(Container(sim).At("state.terminated"));
    }

    [Fact]
    public async Task StartupProbe_GatesReadinessAndStarted_UntilItSucceeds()
    {
        await using var sim = await RunAsync(Pod("""
            startupProbe:
              httpGet: {path: /, port: 80}
              initialDelaySeconds: 10
              periodSeconds: 5
            readinessProbe:
              tcpSocket: {port: 80}
              periodSeconds: 5
            """));
        await sim.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.False(Container(sim)["started"]?.GetValue<bool>());
        Assert.False(Container(sim)["ready"]?.GetValue<bool>());

        await sim.RunForAsync(TimeSpan.FromSeconds(12));

        Assert.True(Container(sim)["started"]?.GetValue<bool>());
        Assert.True(Container(sim)["ready"]?.GetValue<bool>());
        Assert.Null(Event(sim, "Unhealthy"));
    }

    [Fact]
    public async Task StartupProbeFailing_KillsTheContainer_AndLivenessNeverRuns()
    {
        await using var sim = await RunAsync(Pod("""
            startupProbe:
              tcpSocket: {port: 8081}
              periodSeconds: 3
              failureThreshold: 2
            livenessProbe:
              tcpSocket: {port: 9999}
              periodSeconds: 1
              failureThreshold: 1
            """));
        await sim.RunForAsync(TimeSpan.FromSeconds(15));

        Assert.Equal("Container web failed startup probe, will be restarted", Event(sim, "Killing")!.Str("message"));
        Assert.All(sim.EventMessages("default", "web", "Unhealthy"), m => Assert.StartsWith("Startup probe failed: ", m, StringComparison.Ordinal));
        Assert.Equal(1, Container(sim).Int("restartCount"));
    }

    [Fact]
    public async Task UnknownNamedPort_RecordsErrors_ButNeverKillsOrReadies()
    {
        await using var sim = await RunAsync(Pod("""
            livenessProbe:
              httpGet: {path: /, port: metrics}
              periodSeconds: 5
              failureThreshold: 1
            """));
        await sim.RunForAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Liveness probe errored and resulted in unknown state: strconv.Atoi: parsing \"metrics\": invalid syntax", Event(sim, "Unhealthy")!.Str("message"));
        Assert.Null(Event(sim, "Killing"));
        Assert.Equal(0, Container(sim).Int("restartCount"));
    }

    [Fact]
    public async Task Service_ListsTheUnreadyPodUnderNotReadyAddresses()
    {
        await using var sim = await RunAsync(Pod("""
            readinessProbe:
              httpGet: {path: /healthz, port: 8081}
            """) + """

            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: default}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 80}]
            """);
        await sim.RunForAsync(TimeSpan.FromSeconds(15));

        var subset = (JsonObject)((JsonArray)sim.Require("v1", "Endpoints", "default", "web")["subsets"]!)[0]!;
        Assert.Null(subset["addresses"]);
        Assert.Single((JsonArray)subset["notReadyAddresses"]!);
    }
}
