using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// Decides what a probe sees in a simulated container. Network probes (httpGet, tcpSocket, grpc) reach the program
/// once it listens on the port and has finished starting (<see cref="ProgramRun.ReadyAt"/>), and are refused
/// otherwise; exec probes run through <see cref="ExecInterpreter"/>. Messages are the kubelet's and Go's.
/// </summary>
internal static class Prober
{
    public static ProbeVerdict Evaluate(ProbeSpec probe, JsonObject container, ContainerInstance instance, string podIp)
    {
        if (probe.Handler == ProbeHandler.Exec)
        {
            return Exec(probe, instance);
        }
        if (ResolvePort(probe.Port, container) is not { } port)
        {
            return new ProbeVerdict(null, PortError(probe.Port), Errored: true);
        }
        var host = probe.Host ?? podIp;
        var address = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        var run = instance.Run;
        var passes = run.ListeningPorts.Contains(port) ? run.ReadyAt : null;
        var refused = $"dial tcp {address}: connect: connection refused";
        var message = probe.Handler switch
        {
            ProbeHandler.HttpGet => $"Get \"{probe.Scheme}://{address}{UrlPath(probe.Path)}\": {refused}",
            ProbeHandler.Grpc => $"timeout: failed to connect service \"{address}\" within 1s: context deadline exceeded",
            _ => refused,
        };
        return new ProbeVerdict(passes, message);
    }

    /// <summary>The port a probe targets: a number, or the name of one of the container's ports (as the kubelet resolves it).</summary>
    public static int? ResolvePort(JsonNode? port, JsonObject container)
    {
        if (port is JsonValue value && value.TryGetValue<int>(out var number))
        {
            return number is > 0 and < 65536 ? number : null;
        }
        var name = port?.ToString() ?? "";
        var named = (container["ports"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(p => p.Str("name") == name);
        if (named?.Int("containerPort") is { } containerPort)
        {
            return containerPort is > 0 and < 65536 ? (int)containerPort : null;
        }
        return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is > 0 and < 65536 ? number : null;
    }

    private static string PortError(JsonNode? port)
    {
        var text = port?.ToString() ?? "";
        if (port is JsonValue v && v.TryGetValue<int>(out var number) || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return $"invalid port number: {number}";
        }
        return $"strconv.Atoi: parsing \"{text}\": invalid syntax";
    }

    // Go's URL printing puts a slash between host and a relative path.
    private static string UrlPath(string path) => path.Length == 0 || path[0] == '/' ? path : "/" + path;

    private static ProbeVerdict Exec(ProbeSpec probe, ContainerInstance instance)
    {
        var run = instance.Run;
        var at = run.ReadyAt ?? TimeSpan.Zero;
        var result = ExecInterpreter.Execute(instance.Program, run, probe.Command, at);
        if (result.NotModelled)
        {
            // The simulation cannot tell what the command would answer (pg_isready, redis-cli ping): it answers as the
            // program would, healthy once started.
            return new ProbeVerdict(run.ReadyAt, "command not modelled by the simulation");
        }
        return result.ExitCode == 0
            ? new ProbeVerdict(TimeSpan.Zero, "")
            : new ProbeVerdict(null, (result.Stdout + result.Stderr).TrimEnd('\n'));
    }
}
