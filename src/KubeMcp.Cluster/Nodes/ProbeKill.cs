using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Cluster.Nodes;

/// <summary>How a container killed for a failed liveness or startup probe ends.</summary>
/// <param name="At">When the container has stopped.</param>
/// <param name="ExitCode">Its exit code (<c>lastState.terminated.exitCode</c>).</param>
/// <param name="Reason">Its termination reason.</param>
internal sealed record ProbeKill(DateTimeOffset At, int ExitCode, string Reason)
{
    private const long DefaultGracePeriodSeconds = 30;

    /// <summary>
    /// The kubelet stops the container with its stop signal and kills it after the grace period. Servers (programs
    /// that listen on a port: nginx, redis, postgres) handle the signal and exit 0 at once; anything else running as
    /// PID 1 (a shell, <c>sleep</c>, an interpreter without a handler) ignores it and is killed: exit 137 after the
    /// probe's <c>terminationGracePeriodSeconds</c>, or the pod's (default 30 s).
    /// </summary>
    public static ProbeKill For(DateTimeOffset killAt, ProbeSpec probe, ProgramRun run, JsonObject pod)
    {
        if (run.ListeningPorts.Count > 0)
        {
            return new ProbeKill(killAt, 0, "Completed");
        }
        var grace = probe.TerminationGracePeriodSeconds ?? pod.Int("spec.terminationGracePeriodSeconds") ?? DefaultGracePeriodSeconds;
        return new ProbeKill(killAt + TimeSpan.FromSeconds(Math.Max(grace, 0)), 137, "Error");
    }
}
